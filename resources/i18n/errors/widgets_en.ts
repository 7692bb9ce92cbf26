<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
  <context>
    <name>Errors</name>
    <message>
      <source>拼音输入法词库缺失或损坏: {path} ({error})</source>
      <translation>The pinyin input dictionary is missing or damaged: {path} ({error})</translation>
    </message>
    <message>
      <source>未安装语音合成程序 espeak-ng (Debian 软件包 espeak-ng)</source>
      <translation>The speech synthesizer espeak-ng is not installed (Debian package espeak-ng)</translation>
    </message>
    <message>
      <source>没有可用的音频输出设备 (扬声器)</source>
      <translation>No audio output device (speaker) is available</translation>
    </message>
    <message>
      <source>缺少 QtMultimedia 组件</source>
      <translation>The QtMultimedia component is missing</translation>
    </message>
    <message>
      <source>英文翻译文件缺失或损坏：{path}</source>
      <translation>The English translation file is missing or damaged: {path}</translation>
    </message>
    <message>
      <source>语音不可用</source>
      <translation>Voice read-out is not available</translation>
    </message>
    <message>
      <source>语音合成失败 (espeak-ng 退出码 {code})</source>
      <translation>Speech synthesis failed (espeak-ng exit code {code})</translation>
    </message>
    <message>
      <source>语音合成失败: {error}</source>
      <translation>Speech synthesis failed: {error}</translation>
    </message>
  </context>
</TS>
