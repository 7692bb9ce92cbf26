<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
  <context>
    <name>Errors</name>
    <message>
      <source>CUPS 中止了打印任务（{detail}）</source>
      <translation>CUPS stopped the print job ({detail})</translation>
    </message>
    <message>
      <source>CUPS 中没有名为“{queue}”的打印队列，请用 lpstat -p 查看并修改配置</source>
      <translation>CUPS has no print queue named "{queue}"; check the names with lpstat -p and correct the settings</translation>
    </message>
    <message>
      <source>CUPS 打印队列名称无效：{queue}</source>
      <translation>Invalid CUPS print queue name: {queue}</translation>
    </message>
    <message>
      <source>CUPS 拒绝访问打印队列“{queue}”：{reply}</source>
      <translation>CUPS refused access to print queue "{queue}": {reply}</translation>
    </message>
    <message>
      <source>CUPS 服务地址格式不正确：{server}（应为 主机:端口）</source>
      <translation>Invalid CUPS server address: {server} (expected host:port)</translation>
    </message>
    <message>
      <source>CUPS 未接受打印任务：{reply}</source>
      <translation>CUPS did not accept the print job: {reply}</translation>
    </message>
    <message>
      <source>CUPS 未返回任务编号</source>
      <translation>CUPS returned no job number</translation>
    </message>
    <message>
      <source>Qt 打印分辨率应为 {low} 至 {high} dpi，配置为 {dpi}</source>
      <translation>Qt print resolution must be {low} to {high} dpi; the settings say {dpi}</translation>
    </message>
    <message>
      <source>Qt 打印需要图形界面程序已启动（QGuiApplication），请联系运维</source>
      <translation>Qt printing needs the graphical application to be running (QGuiApplication); please contact IT support</translation>
    </message>
    <message>
      <source>{compartment}号格口锁舌未弹开（可能卡住），请工作人员检查</source>
      <translation>The lock of compartment {compartment} did not release (it may be jammed); staff, please check it</translation>
    </message>
    <message>
      <source>{message}（{detail}）</source>
      <translation>{message} ({detail})</translation>
    </message>
    <message>
      <source>不支持的打印方式：{backend}</source>
      <translation>Unsupported printing method: {backend}</translation>
    </message>
    <message>
      <source>串口扫码枪未连接或无法打开（{port}），请检查连线后重启终端</source>
      <translation>The serial scanner is not connected or cannot be opened ({port}); check the cable and restart the terminal</translation>
    </message>
    <message>
      <source>串口扫码枪连接中断，正在重新连接</source>
      <translation>The serial scanner was disconnected; reconnecting</translation>
    </message>
    <message>
      <source>任务被取消或中止</source>
      <translation>the job was cancelled or aborted</translation>
    </message>
    <message>
      <source>写入 {folder} 失败：{error}</source>
      <translation>writing to {folder} failed: {error}</translation>
    </message>
    <message>
      <source>切刀故障</source>
      <translation>cutter fault</translation>
    </message>
    <message>
      <source>发送到小票打印机失败：{error}</source>
      <translation>Sending to the receipt printer failed: {error}</translation>
    </message>
    <message>
      <source>小票打印机没有应答，请检查电源、连线和波特率</source>
      <translation>The receipt printer does not answer; check its power, cable and baud rate</translation>
    </message>
    <message>
      <source>已停止</source>
      <translation>stopped</translation>
    </message>
    <message>
      <source>打印中途出错（无法换页）</source>
      <translation>Printing failed part-way (could not start a new page)</translation>
    </message>
    <message>
      <source>打印任务 {seconds} 秒内未完成，已撤回</source>
      <translation>The print job did not finish within {seconds} seconds and was withdrawn</translation>
    </message>
    <message>
      <source>打印任务已交给 CUPS，但无法查询其状态：{error}</source>
      <translation>The print job was handed to CUPS, but its status cannot be queried: {error}</translation>
    </message>
    <message>
      <source>打印任务未能交给打印机“{printer}”</source>
      <translation>The print job could not be handed to printer "{printer}"</translation>
    </message>
    <message>
      <source>打印任务被暂停（{detail}）</source>
      <translation>The print job was paused ({detail})</translation>
    </message>
    <message>
      <source>打印机报告不可恢复的错误</source>
      <translation>the printer reports an unrecoverable error</translation>
    </message>
    <message>
      <source>打印机报告错误（如过热）</source>
      <translation>the printer reports an error (such as overheating)</translation>
    </message>
    <message>
      <source>打印机故障（如卡纸、舱盖未关、切刀故障），请到现场处理</source>
      <translation>Printer fault (such as a paper jam, open cover or cutter fault); please attend to it on site</translation>
    </message>
    <message>
      <source>打印机故障（如卡纸、舱盖未关、切刀故障），请到现场处理（{detail}）</source>
      <translation>Printer fault (such as a paper jam, open cover or cutter fault); please attend to it on site ({detail})</translation>
    </message>
    <message>
      <source>打印机正常</source>
      <translation>Printer OK</translation>
    </message>
    <message>
      <source>打印机正常（{detail}）</source>
      <translation>Printer OK ({detail})</translation>
    </message>
    <message>
      <source>打印机没有应答</source>
      <translation>the printer does not answer</translation>
    </message>
    <message>
      <source>打印机离线或已暂停，请检查电源、连线和打印队列</source>
      <translation>The printer is offline or paused; check its power, cable and print queue</translation>
    </message>
    <message>
      <source>打印机离线或已暂停，请检查电源、连线和打印队列（{detail}）</source>
      <translation>The printer is offline or paused; check its power, cable and print queue ({detail})</translation>
    </message>
    <message>
      <source>打印机纸张将尽，请尽快补充纸张</source>
      <translation>The printer is low on paper; please refill it soon</translation>
    </message>
    <message>
      <source>打印机纸张将尽，请尽快补充纸张（{detail}）</source>
      <translation>The printer is low on paper; please refill it soon ({detail})</translation>
    </message>
    <message>
      <source>打印机缺纸，请补充纸张后在管理界面重新打印未完成的任务</source>
      <translation>The printer is out of paper; refill it, then reprint the unfinished jobs from the staff screen</translation>
    </message>
    <message>
      <source>打印机缺纸，请补充纸张后在管理界面重新打印未完成的任务（{detail}）</source>
      <translation>The printer is out of paper; refill it, then reprint the unfinished jobs from the staff screen ({detail})</translation>
    </message>
    <message>
      <source>打印系统报告任务出错</source>
      <translation>the print system reports a job error</translation>
    </message>
    <message>
      <source>扫码模块缺少解码库 libzbar0，摄像头扫码不可用。请联系管理员安装 libzbar0 后重启终端。</source>
      <translation>The scanning module is missing the decoding library libzbar0, so camera scanning is unavailable. Please ask the administrator to install libzbar0 and restart the terminal.</translation>
    </message>
    <message>
      <source>拒绝新任务</source>
      <translation>not accepting new jobs</translation>
    </message>
    <message>
      <source>摄像头出现故障，摄像头扫码暂不可用，请使用扫码枪或联系工作人员</source>
      <translation>The camera has a fault and camera scanning is unavailable for now; please use the barcode scanner or ask staff for help</translation>
    </message>
    <message>
      <source>摄像头扫码组件缺失（{error}），请安装完整的 govterm</source>
      <translation>Camera scanning components are missing ({error}); please install the complete govterm</translation>
    </message>
    <message>
      <source>无法写入打印归档目录 {directory}（{error}），请检查目录权限或配置</source>
      <translation>Cannot write to the print archive folder {directory} ({error}); check the folder permissions or the settings</translation>
    </message>
    <message>
      <source>无法开始打印（打印机“{printer}”拒绝了任务）</source>
      <translation>Cannot start printing (printer "{printer}" refused the job)</translation>
    </message>
    <message>
      <source>无法打开小票打印机串口 {port}：{error}。请检查连线和串口配置</source>
      <translation>Cannot open the receipt printer's serial port {port}: {error}. Check the cable and the serial port settings</translation>
    </message>
    <message>
      <source>无法打开小票打印机设备 {path}（{error}），请检查连线和权限</source>
      <translation>Cannot open the receipt printer device {path} ({error}); check the cable and permissions</translation>
    </message>
    <message>
      <source>无法打开智能文件柜串口 {port}：{error}。请检查连线和串口配置</source>
      <translation>Cannot open the pickup locker's serial port {port}: {error}. Check the cable and the serial port settings</translation>
    </message>
    <message>
      <source>无法打开身份证阅读器串口 {port}：{error}。请检查连线和串口配置</source>
      <translation>Cannot open the ID card reader's serial port {port}: {error}. Check the cable and the serial port settings</translation>
    </message>
    <message>
      <source>无法把打印内容转换为小票图像：{detail}</source>
      <translation>Cannot convert the document into a receipt image: {detail}</translation>
    </message>
    <message>
      <source>无法连接 CUPS：{error}</source>
      <translation>cannot connect to CUPS: {error}</translation>
    </message>
    <message>
      <source>无法连接打印服务 CUPS（{host}:{port}）：{error}。请确认 cups 已安装并运行（systemctl status cups）</source>
      <translation>Cannot connect to the CUPS print service ({host}:{port}): {error}. Make sure cups is installed and running (systemctl status cups)</translation>
    </message>
    <message>
      <source>无法连接打印服务 CUPS：{error}</source>
      <translation>Cannot connect to the CUPS print service: {error}</translation>
    </message>
    <message>
      <source>智能文件柜串口出错：{error}</source>
      <translation>Pickup locker serial port error: {error}</translation>
    </message>
    <message>
      <source>未检测到摄像头，摄像头扫码不可用。请检查摄像头连线，或使用扫码枪。</source>
      <translation>No camera found, so camera scanning is unavailable. Check the camera cable, or use the barcode scanner.</translation>
    </message>
    <message>
      <source>未配置 CUPS 打印队列名称（printing.{device}_printer），请用 lpstat -p 查看队列名后填写</source>
      <translation>No CUPS print queue name is set (printing.{device}_printer); find the queue name with lpstat -p and fill it in</translation>
    </message>
    <message>
      <source>未配置小票打印机端口（printing.{device}_port），如 /dev/ttyUSB0 或 /dev/usb/lp0</source>
      <translation>No receipt printer port is set (printing.{device}_port), e.g. /dev/ttyUSB0 or /dev/usb/lp0</translation>
    </message>
    <message>
      <source>未配置打印归档目录（printing.folder）</source>
      <translation>No print archive folder is set (printing.folder)</translation>
    </message>
    <message>
      <source>本机暂时无法打印，请到服务窗口领取纸质材料</source>
      <translation>This machine cannot print at the moment; please collect paper documents at a service window</translation>
    </message>
    <message>
      <source>本次打印未完成</source>
      <translation>this print job is incomplete</translation>
    </message>
    <message>
      <source>格口号 {compartment} 超出范围（1至{count}）</source>
      <translation>Compartment number {compartment} is out of range (1 to {count})</translation>
    </message>
    <message>
      <source>每块锁控板的格口数应为1至127，配置为 {count}</source>
      <translation>Each lock board must have 1 to 127 compartments; the settings say {count}</translation>
    </message>
    <message>
      <source>目录 {folder} 不存在</source>
      <translation>folder {folder} does not exist</translation>
    </message>
    <message>
      <source>第 {page} 页无法渲染</source>
      <translation>Page {page} cannot be rendered</translation>
    </message>
    <message>
      <source>系统中已找不到打印机“{printer}”</source>
      <translation>printer "{printer}" is no longer known to the system</translation>
    </message>
    <message>
      <source>系统中没有名为“{printer}”的打印机（现有：{known}），请在系统打印设置中添加或修改配置</source>
      <translation>The system has no printer named "{printer}" (available: {known}); add it in the system's printer settings or correct the settings</translation>
    </message>
    <message>
      <source>系统中没有默认打印机（现有：{known}），请在系统打印设置中添加或修改配置</source>
      <translation>The system has no default printer (available: {known}); add one in the system's printer settings or correct the settings</translation>
    </message>
    <message>
      <source>缺少 pdftoppm（请安装 poppler-utils），无法打印小票</source>
      <translation>pdftoppm is missing (please install poppler-utils), so receipts cannot be printed</translation>
    </message>
    <message>
      <source>缺少串口支持库 pyserial，串口扫码枪不可用，请联系管理员</source>
      <translation>The serial port library pyserial is missing, so the serial scanner is unavailable; please contact the administrator</translation>
    </message>
    <message>
      <source>舱盖未关</source>
      <translation>cover open</translation>
    </message>
    <message>
      <source>请将身份证平放在读卡区</source>
      <translation>Please place your ID card flat on the reader</translation>
    </message>
    <message>
      <source>读卡失败，请将身份证重新放置并保持不动</source>
      <translation>The card could not be read; please place your ID card again and hold it still</translation>
    </message>
    <message>
      <source>读卡数据不完整，请重新放置身份证</source>
      <translation>The card data is incomplete; please place your ID card again</translation>
    </message>
    <message>
      <source>身份证信息不完整，请重新放置身份证</source>
      <translation>The ID card information is incomplete; please place your ID card again</translation>
    </message>
    <message>
      <source>身份证信息中的出生日期无效，请重新放置身份证</source>
      <translation>The date of birth on the ID card is invalid; please place your ID card again</translation>
    </message>
    <message>
      <source>身份证信息中的有效期无效，请重新放置身份证</source>
      <translation>The validity period on the ID card is invalid; please place your ID card again</translation>
    </message>
    <message>
      <source>身份证号码校验未通过，请重新放置身份证；如仍失败请到服务窗口办理</source>
      <translation>The ID number failed its check; please place your ID card again. If it still fails, please go to a service window</translation>
    </message>
    <message>
      <source>身份证阅读器串口出错：{error}</source>
      <translation>ID card reader serial port error: {error}</translation>
    </message>
    <message>
      <source>身份证阅读器应答校验错误（{error}），请检查连线</source>
      <translation>The ID card reader's reply failed its check ({error}); check the cable</translation>
    </message>
    <message>
      <source>身份证阅读器无应答，请检查电源和连线</source>
      <translation>The ID card reader does not answer; check its power and cable</translation>
    </message>
    <message>
      <source>身份证阅读器自检失败（状态码 {code}），请联系运维</source>
      <translation>The ID card reader failed its self-test (status {code}); please contact IT support</translation>
    </message>
    <message>
      <source>锁控板上没有{compartment}号格口，请检查配置</source>
      <translation>The lock board has no compartment {compartment}; check the settings</translation>
    </message>
    <message>
      <source>锁控板地址应为1至254，配置为 {board}</source>
      <translation>The lock board address must be 1 to 254; the settings say {board}</translation>
    </message>
    <message>
      <source>锁控板对开锁指令的应答无法识别：{reply}</source>
      <translation>The lock board's reply to the open command is not recognised: {reply}</translation>
    </message>
    <message>
      <source>锁控板应答校验错误（线路干扰或波特率不符），请检查连线</source>
      <translation>The lock board's reply failed its check (line noise or a baud rate mismatch); check the cable</translation>
    </message>
    <message>
      <source>锁控板报告 {found} 个格口，配置为 {count} 个，请检查配置</source>
      <translation>The lock board reports {found} compartments but the settings say {count}; check the settings</translation>
    </message>
    <message>
      <source>锁控板状态应答长度不正确</source>
      <translation>The lock board's status reply has the wrong length</translation>
    </message>
    <message>
      <source>锁控板（地址 {board}）无应答，请检查电源、连线和地址设置</source>
      <translation>The lock board (address {board}) does not answer; check its power, cable and address setting</translation>
    </message>
  </context>
</TS>
