<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
  <context>
    <name>Errors</name>
    <message>
      <source>未找到可嵌入的中文字体，请安装 fonts-wqy-microhei 或在设置中指定字体路径</source>
      <translation>No embeddable Chinese font was found; please install fonts-wqy-microhei or set the font path in the settings</translation>
    </message>
    <message>
      <source>校验密钥长度不足（至少16字节）</source>
      <translation>The verification key is too short (at least 16 bytes)</translation>
    </message>
    <message>
      <source>校验码应为8位数字或字母，请核对后重新输入</source>
      <translation>The verification code has 8 digits or letters; please check it and enter it again</translation>
    </message>
    <message>
      <source>结果文书文件已损坏或格式不正确，无法打印，请到出件窗口咨询</source>
      <translation>The result document is damaged or in the wrong format and cannot be printed; please ask at the delivery window</translation>
    </message>
    <message>
      <source>这不是本系统出具的凭证二维码</source>
      <translation>This is not a QR code from a paper issued by this system</translation>
    </message>
  </context>
</TS>
