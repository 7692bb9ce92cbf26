<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
  <context>
    <name>Errors</name>
    <message>
      <source>前置机 {seconds} 秒内未就绪, 见 {log}</source>
      <translation>The gateway was not ready within {seconds} seconds; see {log}</translation>
    </message>
    <message>
      <source>前置机启动失败 (退出码 {code}), 见 {log}</source>
      <translation>The gateway failed to start (exit code {code}); see {log}</translation>
    </message>
    <message>
      <source>叫号屏尚未注册，正在向前置机注册</source>
      <translation>The queue display is not enrolled yet; enrolling with the gateway</translation>
    </message>
    <message>
      <source>尚未连接前置机</source>
      <translation>Not connected to the gateway yet</translation>
    </message>
    <message>
      <source>无法读取配置文件 {path}: {reason}</source>
      <translation>Cannot read the configuration file {path}: {reason}</translation>
    </message>
    <message>
      <source>未知的配置节 {key} (配置文件 {path})</source>
      <translation>Unknown configuration section {key} (configuration file {path})</translation>
    </message>
    <message>
      <source>未知的配置项 {key} (配置文件 {path})</source>
      <translation>Unknown configuration key {key} (configuration file {path})</translation>
    </message>
    <message>
      <source>未配置前置机地址，终端使用本机已有的数据运行</source>
      <translation>No gateway address is configured; the terminal runs on the data it already has</translation>
    </message>
    <message>
      <source>演示排队设置失败: govterm gateway {command} (状态 {status})</source>
      <translation>Setting up the demo queue failed: govterm gateway {command} (status {status})</translation>
    </message>
    <message>
      <source>演示数据发布失败: govterm gateway {command} (状态 {status})</source>
      <translation>Publishing the demo data failed: govterm gateway {command} (status {status})</translation>
    </message>
    <message>
      <source>终端尚未完成注册，暂时无法连接政务服务平台，请稍后再试或联系工作人员</source>
      <translation>This terminal is not enrolled yet and cannot reach the government service platform; please try again later or ask the staff</translation>
    </message>
    <message>
      <source>配置文件 {path} 格式错误 (TOML): {detail}</source>
      <translation>The configuration file {path} is not valid TOML: {detail}</translation>
    </message>
    <message>
      <source>配置文件 {path}: [{section}] 应是一个表 (section)</source>
      <translation>Configuration file {path}: [{section}] must be a table (section)</translation>
    </message>
    <message>
      <source>配置文件不存在: {path}</source>
      <translation>The configuration file does not exist: {path}</translation>
    </message>
    <message>
      <source>配置有 {count} 处问题: {problems}</source>
      <translation>The configuration has {count} problems: {problems}</translation>
    </message>
    <message>
      <source>配置项 {key} 的值无效 (环境变量 {var}): {detail}</source>
      <translation>The value of {key} is not valid (environment variable {var}): {detail}</translation>
    </message>
    <message>
      <source>配置项 {key} 的值无效 (配置文件 {path}): {detail}</source>
      <translation>The value of {key} is not valid (configuration file {path}): {detail}</translation>
    </message>
  </context>
</TS>
