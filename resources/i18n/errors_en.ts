<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
  <context>
    <name>Errors</name>
    <message>
      <source>A4 打印机</source>
      <translation>A4 printer</translation>
    </message>
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
      <source>EMS运单号校验位不正确，请核对后重新输入</source>
      <translation>The EMS tracking number's check digit is wrong; please check it and enter it again</translation>
    </message>
    <message>
      <source>EMS运单号格式不正确：应为13位数字，或如 EA123456785CN 的国际格式</source>
      <translation>The EMS tracking number is not valid: it must be 13 digits, or the international form such as EA123456785CN</translation>
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
      <source>[gateway] ca_bundle 指定的 CA 证书文件不存在（{verify}）：请把签发前置机证书的 CA 证书（PEM 格式）放到该位置，或改正该设置</source>
      <translation>The CA certificate file named in [gateway] ca_bundle does not exist ({verify}). Put the CA certificate (PEM) that issued the gateway certificate there, or correct the setting.</translation>
    </message>
    <message>
      <source>[gateway] ca_bundle 指定的文件（{verify}）不是可用的 CA 证书：请换成签发前置机证书的 CA 证书（PEM 格式）</source>
      <translation>The file named in [gateway] ca_bundle ({verify}) is not a usable CA certificate. Replace it with the CA certificate (PEM) that issued the gateway certificate.</translation>
    </message>
    <message>
      <source>{area_name}（{area}）取号时间为 {spans}，现在不在取号时间内</source>
      <translation>Tickets for {area_name} ({area}) are issued {spans}; it is outside those hours now.</translation>
    </message>
    <message>
      <source>{area}的取号时段 {start}-{end} 结束时间应晚于开始时间</source>
      <translation>In the ticket hours of {area}, {start}-{end}, the end must be later than the start</translation>
    </message>
    <message>
      <source>{area}（{prefix}）取号时间为 {hours_text}，现在不在取号时间内</source>
      <translation>Tickets for {area} ({prefix}) are issued {hours_text}; it is outside those hours now.</translation>
    </message>
    <message>
      <source>{compartment}号格口柜门未关闭</source>
      <translation>The door of compartment {compartment} was left open</translation>
    </message>
    <message>
      <source>{compartment}号格口锁舌未弹开（可能卡住），请工作人员检查</source>
      <translation>The lock of compartment {compartment} did not release (it may be jammed); staff, please check it</translation>
    </message>
    <message>
      <source>{directory}：无法读取演示数据（{exc}）</source>
      <translation>{directory}: cannot read the demo data ({exc})</translation>
    </message>
    <message>
      <source>{directory}：没有节假日文件（&lt;年份&gt;.json）</source>
      <translation>{directory}: there are no holiday files (&lt;year&gt;.json)</translation>
    </message>
    <message>
      <source>{file} 正忙（被其他程序占用），请稍后重试。</source>
      <translation>{file} is busy (used by another program). Please try again later.</translation>
    </message>
    <message>
      <source>{message}（{detail}）</source>
      <translation>{message} ({detail})</translation>
    </message>
    <message>
      <source>{path}：JSON 格式错误：第 {lineno} 行第 {colno} 列，{problem}</source>
      <translation>{path}: invalid JSON at line {lineno}, column {colno}: {problem}</translation>
    </message>
    <message>
      <source>{path}：published 应为发布日期（YYYY-MM-DD）</source>
      <translation>{path}: published must be the publication date (YYYY-MM-DD)</translation>
    </message>
    <message>
      <source>{path}：version 应为不小于 1 的整数</source>
      <translation>{path}: version must be a whole number of at least 1</translation>
    </message>
    <message>
      <source>{path}：{message}</source>
      <translation>{path}: {message}</translation>
    </message>
    <message>
      <source>{path}：{what}“{label}”不符合规则：{rules}</source>
      <translation>{path}: {what} "{label}" breaks the rules: {rules}</translation>
    </message>
    <message>
      <source>{path}：事项之间的引用不一致：{rules}</source>
      <translation>{path}: the items refer to each other inconsistently: {rules}</translation>
    </message>
    <message>
      <source>{path}：事项目录不存在</source>
      <translation>{path}: the catalog folder does not exist</translation>
    </message>
    <message>
      <source>{path}：应为{what}列表（JSON 数组）</source>
      <translation>{path}: must be a list of {what} (a JSON array)</translation>
    </message>
    <message>
      <source>{path}：应为对象，含 version 和 published</source>
      <translation>{path}: must be an object with version and published</translation>
    </message>
    <message>
      <source>{path}：文件不存在</source>
      <translation>{path}: the file does not exist</translation>
    </message>
    <message>
      <source>{path}：文件不是 UTF-8 编码</source>
      <translation>{path}: the file is not UTF-8 encoded</translation>
    </message>
    <message>
      <source>{path}：无法读取文件（{strerror}）</source>
      <translation>{path}: the file cannot be read ({strerror})</translation>
    </message>
    <message>
      <source>{path}：无法读取配置文件（{exc}）</source>
      <translation>{path}: cannot read the settings file ({exc})</translation>
    </message>
    <message>
      <source>{path}：无法读取（{exc}）</source>
      <translation>{path}: cannot be read ({exc})</translation>
    </message>
    <message>
      <source>{path}：格式错误（{exc}）</source>
      <translation>{path}: wrong format ({exc})</translation>
    </message>
    <message>
      <source>{path}：没有事项文件（items/*.json）</source>
      <translation>{path}: there are no item files (items/*.json)</translation>
    </message>
    <message>
      <source>{path}：配置应为非空的表</source>
      <translation>{path}: the settings must be a non-empty table</translation>
    </message>
    <message>
      <source>{path}：顶层的 {bad} 应为表（如 [kiosk]），每个表是一条配置</source>
      <translation>{path}: the top-level {bad} must be a table (such as [kiosk]); each table is one setting</translation>
    </message>
    <message>
      <source>{spec}：业务类别写法：前缀=名称[,cap=每日限号][,hours=08:30-11:30+13:30-17:00]</source>
      <translation>{spec}: write a type of business as prefix=name[,cap=daily limit][,hours=08:30-11:30+13:30-17:00]</translation>
    </message>
    <message>
      <source>{what}文件不是有效的 JSON（第 {lineno} 行）</source>
      <translation>The {what} file is not valid JSON (line {lineno})</translation>
    </message>
    <message>
      <source>{what}文件应为列表</source>
      <translation>The {what} file must be a list</translation>
    </message>
    <message>
      <source>{window_no}号窗口尚未设置办理的业务类别</source>
      <translation>Window {window_no} has no types of business set yet</translation>
    </message>
    <message>
      <source>{window_no}号窗口暂停服务中（{pause_reason}），请先恢复服务</source>
      <translation>Window {window_no} is paused ({pause_reason}). Please resume service first.</translation>
    </message>
    <message>
      <source>{window_no}号窗口的 {current} 尚未办结，请先办结、转办或按过号处理</source>
      <translation>Ticket {current} at window {window_no} is not finished. Please finish it, transfer it or mark it as missed first.</translation>
    </message>
    <message>
      <source>“{action}”不能由终端申请</source>
      <translation>"{action}" cannot be requested from a terminal</translation>
    </message>
    <message>
      <source>“{material}”尚未核验</source>
      <translation>“{material}” has not been checked yet</translation>
    </message>
    <message>
      <source>“{name}”不能用该类电子证照替代</source>
      <translation>This kind of e-licence cannot replace “{name}”</translation>
    </message>
    <message>
      <source>“{name}”不能通过共享数据获取</source>
      <translation>“{name}” cannot be taken from shared data</translation>
    </message>
    <message>
      <source>“{name}”是必要材料，不能标为不涉及</source>
      <translation>“{name}” is required and cannot be marked not applicable</translation>
    </message>
    <message>
      <source>“{rating}”下没有这些选项：{options}</source>
      <translation>These options do not belong to “{rating}”: {options}</translation>
    </message>
    <message>
      <source>“{role}”不能创建办件</source>
      <translation>The role “{role}” cannot open cases</translation>
    </message>
    <message>
      <source>“{role}”岗位不能“{action}”</source>
      <translation>The role “{role}” cannot do “{action}”</translation>
    </message>
    <message>
      <source>“{role}”的决定只能由审批系统作出，终端不能提交</source>
      <translation>The decision "{role}" can only be made by the approval system, not submitted from a terminal</translation>
    </message>
    <message>
      <source>上次打印时程序中断，无法确认是否已打出，已重新排队打印</source>
      <translation>The program stopped during the last print, so it is not known whether it came out. It has been queued again.</translation>
    </message>
    <message>
      <source>不予办理</source>
      <translation>Denied</translation>
    </message>
    <message>
      <source>不予受理</source>
      <translation>Not accepted</translation>
    </message>
    <message>
      <source>不可用</source>
      <translation>Unavailable</translation>
    </message>
    <message>
      <source>不支持的打印方式：{backend}</source>
      <translation>Unsupported printing method: {backend}</translation>
    </message>
    <message>
      <source>不支持的操作：{action}</source>
      <translation>Unsupported operation: {action}</translation>
    </message>
    <message>
      <source>不满意</source>
      <translation>Dissatisfied</translation>
    </message>
    <message>
      <source>不能停用自己的账号</source>
      <translation>You cannot disable your own account</translation>
    </message>
    <message>
      <source>与前置机的连接已关闭</source>
      <translation>The connection to the gateway is closed</translation>
    </message>
    <message>
      <source>与前置机通信出错</source>
      <translation>Communication with the gateway failed</translation>
    </message>
    <message>
      <source>与排队系统通信出错</source>
      <translation>Communication with the queue system failed</translation>
    </message>
    <message>
      <source>与数据库 {where} 的连接中断（{problem}），请稍后重试</source>
      <translation>The connection to the database {where} was lost ({problem}). Please try again later.</translation>
    </message>
    <message>
      <source>业务类别前缀应为1至2位大写字母</source>
      <translation>The service prefix must be 1 or 2 capital letters</translation>
    </message>
    <message>
      <source>业务类别前缀重复</source>
      <translation>Duplicate type-of-business prefix</translation>
    </message>
    <message>
      <source>个人</source>
      <translation>Individuals</translation>
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
      <source>临时办件编号中的日期无效</source>
      <translation>The date in the provisional case number is not valid</translation>
    </message>
    <message>
      <source>临时办件编号格式不正确</source>
      <translation>The provisional case number is not in the right format</translation>
    </message>
    <message>
      <source>临时办件编号的流水号应从1开始</source>
      <translation>The serial of a provisional case number starts at 1</translation>
    </message>
    <message>
      <source>事件内容不完整或格式错误：{fields}</source>
      <translation>The event is incomplete or malformed: {fields}</translation>
    </message>
    <message>
      <source>事件内容与校验值不符，请联系技术支持</source>
      <translation>The event does not match its checksum. Please contact technical support.</translation>
    </message>
    <message>
      <source>事件内容超过单批 1 MB 上限，无法上传</source>
      <translation>The event is larger than the 1 MB batch limit and cannot be uploaded</translation>
    </message>
    <message>
      <source>事件序号已被另一事件使用，请联系技术支持</source>
      <translation>The event sequence number is already used by another event. Please contact technical support.</translation>
    </message>
    <message>
      <source>事件格式错误，无法上传</source>
      <translation>The event is malformed and cannot be uploaded</translation>
    </message>
    <message>
      <source>事项不在当前发布的事项清单中，请更新事项后重新提交</source>
      <translation>The service is not in the currently published catalog. Please update it and submit again.</translation>
    </message>
    <message>
      <source>今天没有排队号 {number}</source>
      <translation>There is no ticket {number} today</translation>
    </message>
    <message>
      <source>今日{area}剩余号码不足，无法预留离线号段</source>
      <translation>Not enough numbers are left today for {area} to reserve an offline block</translation>
    </message>
    <message>
      <source>今日{area}的号已取完（每日限 {daily_cap} 个），请明天再来或通过预约办理</source>
      <translation>All tickets for {area} are taken today (limit {daily_cap} a day). Please come back tomorrow or make an appointment.</translation>
    </message>
    <message>
      <source>今日{area}的号码已全部发出，请明天再来或通过预约办理</source>
      <translation>All numbers for {area} have been issued today. Please come back tomorrow or make an appointment.</translation>
    </message>
    <message>
      <source>今日到期</source>
      <translation>Due today</translation>
    </message>
    <message>
      <source>以下材料不允许容缺：{materials}</source>
      <translation>These materials cannot be supplied later: {materials}</translation>
    </message>
    <message>
      <source>以下材料尚未补齐：{materials}</source>
      <translation>These materials have not been supplied yet: {materials}</translation>
    </message>
    <message>
      <source>任务被取消或中止</source>
      <translation>the job was cancelled or aborted</translation>
    </message>
    <message>
      <source>关联办件</source>
      <translation>Link a case</translation>
    </message>
    <message>
      <source>关闭差评须由首席代表或管理员审核</source>
      <translation>Closing a bad review needs a chief representative or an administrator</translation>
    </message>
    <message>
      <source>写入 {folder} 失败：{error}</source>
      <translation>writing to {folder} failed: {error}</translation>
    </message>
    <message>
      <source>准予办理</source>
      <translation>Approved</translation>
    </message>
    <message>
      <source>出件</source>
      <translation>Issuing results</translation>
    </message>
    <message>
      <source>出件方式无效</source>
      <translation>Invalid way of delivering the result</translation>
    </message>
    <message>
      <source>出具一次性告知书</source>
      <translation>Issue a one-time notice of corrections</translation>
    </message>
    <message>
      <source>切刀故障</source>
      <translation>cutter fault</translation>
    </message>
    <message>
      <source>创建办件</source>
      <translation>Open a case</translation>
    </message>
    <message>
      <source>前置机 {seconds} 秒内未就绪, 见 {log}</source>
      <translation>The gateway was not ready within {seconds} seconds; see {log}</translation>
    </message>
    <message>
      <source>前置机下发的 {stream} 数据有误，未写入</source>
      <translation>The {stream} data sent by the gateway is wrong and was not saved</translation>
    </message>
    <message>
      <source>前置机不支持此类事件（{kind}）</source>
      <translation>The gateway does not support this kind of event ({kind})</translation>
    </message>
    <message>
      <source>前置机内部错误（{status}）</source>
      <translation>Internal error on the gateway ({status})</translation>
    </message>
    <message>
      <source>前置机启动失败 (退出码 {code}), 见 {log}</source>
      <translation>The gateway failed to start (exit code {code}); see {log}</translation>
    </message>
    <message>
      <source>前置机处理出错，稍后自动重试</source>
      <translation>The gateway failed to process this; it will be retried automatically</translation>
    </message>
    <message>
      <source>前置机应答不完整</source>
      <translation>The gateway's answer is incomplete</translation>
    </message>
    <message>
      <source>前置机应答中断</source>
      <translation>The gateway's answer was cut off</translation>
    </message>
    <message>
      <source>前置机应答格式错误（{what}）</source>
      <translation>The gateway's answer has the wrong format ({what})</translation>
    </message>
    <message>
      <source>前置机拒绝了本终端的凭据，请联系管理员</source>
      <translation>The gateway refused this terminal's credentials. Please contact the administrator.</translation>
    </message>
    <message>
      <source>前置机拒绝了本终端：{reason}</source>
      <translation>The gateway refused this terminal: {reason}</translation>
    </message>
    <message>
      <source>前置机拒绝了该操作</source>
      <translation>The gateway refused this operation</translation>
    </message>
    <message>
      <source>前置机拒绝了请求（{status}）</source>
      <translation>The gateway refused the request ({status})</translation>
    </message>
    <message>
      <source>前置机提供的 {stream} 快照已过期，稍后重试</source>
      <translation>The {stream} snapshot offered by the gateway is out of date; will try again later</translation>
    </message>
    <message>
      <source>前置机暂时不可用（{status}）</source>
      <translation>The gateway is temporarily unavailable ({status})</translation>
    </message>
    <message>
      <source>前置机未找到可嵌入的中文字体，无法制作结果文书，请安装 fonts-wqy-microhei</source>
      <translation>The gateway found no embeddable Chinese font and cannot make result documents. Please install fonts-wqy-microhei.</translation>
    </message>
    <message>
      <source>前置机未返回该事件的结果</source>
      <translation>The gateway did not return a result for this event</translation>
    </message>
    <message>
      <source>前置机版本较旧，尚不支持该事件格式，升级后自动处理</source>
      <translation>The gateway is older and does not support this event format yet; it will be processed after the upgrade</translation>
    </message>
    <message>
      <source>前置机的 {stream} 快照已过期，稍后重试</source>
      <translation>The gateway's {stream} snapshot is out of date; will try again later</translation>
    </message>
    <message>
      <source>前置机的事件结果与发送的事件不符</source>
      <translation>The gateway's event results do not match the events sent</translation>
    </message>
    <message>
      <source>前置机的应答格式错误</source>
      <translation>The gateway's answer has the wrong format</translation>
    </message>
    <message>
      <source>前置机的重建通知格式错误</source>
      <translation>The gateway's rebuild notice has the wrong format</translation>
    </message>
    <message>
      <source>前置机繁忙，稍后重试</source>
      <translation>The gateway is busy; will try again later</translation>
    </message>
    <message>
      <source>前置机繁忙，请稍后重试</source>
      <translation>The gateway is busy. Please try again later.</translation>
    </message>
    <message>
      <source>前置机证书不受信任（签发机构不在本机信任列表中）：请在配置文件的 [gateway] ca_bundle 中填写签发前置机证书的 CA 证书文件（PEM 格式）</source>
      <translation>The gateway certificate is not trusted (its issuer is not in this computer's trust list). In the settings file, set [gateway] ca_bundle to the CA certificate file (PEM) that issued the gateway certificate.</translation>
    </message>
    <message>
      <source>前置机证书不受信任：它不是由 [gateway] ca_bundle（{verify}）中的 CA 签发的，请换成签发前置机证书的 CA 证书</source>
      <translation>The gateway certificate is not trusted: it was not issued by the CA in [gateway] ca_bundle ({verify}). Replace it with the CA certificate that issued the gateway certificate.</translation>
    </message>
    <message>
      <source>前置机证书与地址 {host} 不符（证书是签发给其他名称的）：请把 [gateway] url 改为证书上的名称，或请管理员为该地址签发证书</source>
      <translation>The gateway certificate does not match the address {host} (it was issued for another name). Change [gateway] url to the name on the certificate, or ask the administrator to issue a certificate for this address.</translation>
    </message>
    <message>
      <source>前置机证书已过期或尚未生效：请检查本机日期时间是否正确，或请管理员更换前置机证书</source>
      <translation>The gateway certificate has expired or is not valid yet. Check that this computer's date and time are correct, or ask the administrator to renew the gateway certificate.</translation>
    </message>
    <message>
      <source>前置机返回了其他数据流的变更（{stream}）</source>
      <translation>The gateway returned changes of another data stream ({stream})</translation>
    </message>
    <message>
      <source>前置机返回了其他数据流的快照（{stream}）</source>
      <translation>The gateway returned the snapshot of another data stream ({stream})</translation>
    </message>
    <message>
      <source>剩余{days}个工作日</source>
      <translation>{days} working days left</translation>
    </message>
    <message>
      <source>办件尚未取得正式编号，请等待同步完成后再转自助取件</source>
      <translation>The case has no official number yet; please wait for sync to finish before handing it to self-service pickup</translation>
    </message>
    <message>
      <source>办件已有正式编号，不能更改</source>
      <translation>The case already has an official number; it cannot be changed</translation>
    </message>
    <message>
      <source>办件当前状态为“{current}”，不能变更为“{target}”</source>
      <translation>The application is "{current}" and cannot change to "{target}"</translation>
    </message>
    <message>
      <source>办件当前状态为“{label}”，不能“{action}”</source>
      <translation>The application is "{label}" and cannot be "{action}"</translation>
    </message>
    <message>
      <source>办件当前状态为“{state_label}”，不能“{action}”</source>
      <translation>The application is "{state_label}" and cannot be "{action}"</translation>
    </message>
    <message>
      <source>办件当前状态为“{state}”，不能“{action}”</source>
      <translation>The case is “{state}”; “{action}” is not possible now</translation>
    </message>
    <message>
      <source>办件当前状态为“{state}”，不能再修改材料核验结果</source>
      <translation>The case is “{state}”; the material check can no longer be changed</translation>
    </message>
    <message>
      <source>办件当前状态为“{state}”，没有待领取的结果</source>
      <translation>The application is "{state}"; there is no result waiting to be collected</translation>
    </message>
    <message>
      <source>办件流水号应为正整数</source>
      <translation>The case serial must be a positive whole number</translation>
    </message>
    <message>
      <source>办件编号不存在</source>
      <translation>No application with this number</translation>
    </message>
    <message>
      <source>办件编号不能为空</source>
      <translation>Please enter the case number</translation>
    </message>
    <message>
      <source>办理中</source>
      <translation>Being served</translation>
    </message>
    <message>
      <source>办理结果待领取</source>
      <translation>Make the result ready for collection</translation>
    </message>
    <message>
      <source>办结</source>
      <translation>Complete</translation>
    </message>
    <message>
      <source>单批事件超过 1 MB，请分批发送</source>
      <translation>The event batch is over 1 MB. Please send it in smaller batches.</translation>
    </message>
    <message>
      <source>原密码不正确</source>
      <translation>The current password is wrong</translation>
    </message>
    <message>
      <source>发送到小票打印机失败：{error}</source>
      <translation>Sending to the receipt printer failed: {error}</translation>
    </message>
    <message>
      <source>取件信息不完整</source>
      <translation>The pickup details are incomplete</translation>
    </message>
    <message>
      <source>取件码应为短信中的数字</source>
      <translation>The pickup code is the number in your text message</translation>
    </message>
    <message>
      <source>取件码或身份证号码后4位不正确，还可尝试{left}次</source>
      <translation>The pickup code or the last 4 characters of the ID number are wrong; {left} tries left</translation>
    </message>
    <message>
      <source>取件记录不存在</source>
      <translation>No such pickup record</translation>
    </message>
    <message>
      <source>取号时间缺少时区</source>
      <translation>The ticket time has no time zone</translation>
    </message>
    <message>
      <source>受理</source>
      <translation>Accept</translation>
    </message>
    <message>
      <source>只有差评需要整改回访</source>
      <translation>Only bad reviews need a follow-up</translation>
    </message>
    <message>
      <source>只有电子证照才填写证照标识</source>
      <translation>Only an e-licence has a licence identifier</translation>
    </message>
    <message>
      <source>只有管理员可以管理账号</source>
      <translation>Only an administrator can manage accounts</translation>
    </message>
    <message>
      <source>只有自助打印和智能文件柜需要取件码</source>
      <translation>Only self-service printing and the pickup locker need a pickup code</translation>
    </message>
    <message>
      <source>只能导入 PDF、JPG 或 PNG 格式的扫描件</source>
      <translation>Only PDF, JPG or PNG scans can be imported</translation>
    </message>
    <message>
      <source>叫号</source>
      <translation>Call</translation>
    </message>
    <message>
      <source>叫号屏尚未注册，正在向前置机注册</source>
      <translation>The queue display is not enrolled yet; enrolling with the gateway</translation>
    </message>
    <message>
      <source>叫号须注明窗口号和工作人员</source>
      <translation>Calling a number needs the window number and the clerk</translation>
    </message>
    <message>
      <source>可连接，{count} 个格口</source>
      <translation>Connected, {count} compartments</translation>
    </message>
    <message>
      <source>可连接，{count} 个格口，{open} 个柜门未关（{doors}）</source>
      <translation>Connected, {count} compartments, {open} doors open ({doors})</translation>
    </message>
    <message>
      <source>号码 {number} 不在本终端的离线号段内</source>
      <translation>Number {number} is not in this terminal's offline block</translation>
    </message>
    <message>
      <source>号码 {number} 已被使用</source>
      <translation>Number {number} is already used</translation>
    </message>
    <message>
      <source>同一事件编号已提交过不同的内容（冲突），请人工核对</source>
      <translation>Different content was already submitted under the same event ID (conflict). Please check it by hand.</translation>
    </message>
    <message>
      <source>同一取号请求已登记为其他号码</source>
      <translation>The same ticket request is already registered under another number</translation>
    </message>
    <message>
      <source>同步出错，稍后自动重试</source>
      <translation>Synchronisation failed; it will be retried automatically</translation>
    </message>
    <message>
      <source>后台审批</source>
      <translation>Back-office review</translation>
    </message>
    <message>
      <source>告知承诺受理</source>
      <translation>Accepted on commitment</translation>
    </message>
    <message>
      <source>回访</source>
      <translation>Call back</translation>
    </message>
    <message>
      <source>基本满意</source>
      <translation>Fairly satisfied</translation>
    </message>
    <message>
      <source>多个工作进程需要共享的 PostgreSQL 数据库（--db postgresql://主机/库名）；SQLite 数据库只能由一个进程使用</source>
      <translation>Several worker processes need a shared PostgreSQL database (--db postgresql://host/dbname); an SQLite database can be used by one process only</translation>
    </message>
    <message>
      <source>天数不能为负数</source>
      <translation>The number of days cannot be negative</translation>
    </message>
    <message>
      <source>天数应为整数</source>
      <translation>The number of days must be a whole number</translation>
    </message>
    <message>
      <source>天数过大，请核对时限</source>
      <translation>The number of days is too large; please check the time limit</translation>
    </message>
    <message>
      <source>审查中</source>
      <translation>Under review</translation>
    </message>
    <message>
      <source>容缺受理</source>
      <translation>Accepted pending minor materials</translation>
    </message>
    <message>
      <source>容缺材料的补齐期限应晚于今天</source>
      <translation>The deadline for the missing minor materials must be after today</translation>
    </message>
    <message>
      <source>容缺材料补齐期限（{until:%Y年%m月%d日}）未到，不能不予受理</source>
      <translation>The deadline for the minor materials ({until:%Y-%m-%d}) has not passed; the case cannot be rejected yet</translation>
    </message>
    <message>
      <source>密码不能包含账号名</source>
      <translation>The password must not contain the account name</translation>
    </message>
    <message>
      <source>密码不能由同一个字符组成</source>
      <translation>The password must not be one character repeated</translation>
    </message>
    <message>
      <source>密码不能超过{max}位</source>
      <translation>The password can be at most {max} characters</translation>
    </message>
    <message>
      <source>密码至少需要{min}位</source>
      <translation>Password must be at least {min} characters</translation>
    </message>
    <message>
      <source>密码错误次数过多，账号已锁定至{until:%H:%M}；如需立即使用请联系管理员解锁</source>
      <translation>Too many wrong passwords; the account is locked until {until:%H:%M}. To use it now, ask an administrator to unlock it</translation>
    </message>
    <message>
      <source>密码须包含字母、数字、符号中的至少两类</source>
      <translation>The password must contain at least two of: letters, digits, symbols</translation>
    </message>
    <message>
      <source>密码首尾不能有空格，也不能含控制字符</source>
      <translation>The password must not start or end with a space or contain control characters</translation>
    </message>
    <message>
      <source>小票打印机</source>
      <translation>receipt printer</translation>
    </message>
    <message>
      <source>小票打印机没有应答，请检查电源、连线和波特率</source>
      <translation>The receipt printer does not answer; check its power, cable and baud rate</translation>
    </message>
    <message>
      <source>尚未完成受理</source>
      <translation>The acceptance is not finished yet</translation>
    </message>
    <message>
      <source>尚未录入申请人</source>
      <translation>No applicant entered yet</translation>
    </message>
    <message>
      <source>尚未获取本大厅信息，暂时无法办理，请稍后再试或联系工作人员</source>
      <translation>This hall's details have not arrived yet, so this service is not available; please try again later or ask staff for help</translation>
    </message>
    <message>
      <source>尚未连接前置机</source>
      <translation>Not connected to the gateway yet</translation>
    </message>
    <message>
      <source>尚未选择事项</source>
      <translation>No service chosen yet</translation>
    </message>
    <message>
      <source>尚未选择办理情形</source>
      <translation>No situation chosen yet</translation>
    </message>
    <message>
      <source>就绪</source>
      <translation>Ready</translation>
    </message>
    <message>
      <source>就绪（未启动）</source>
      <translation>Ready (not started)</translation>
    </message>
    <message>
      <source>差评当前状态为“{state}”，不能{action}</source>
      <translation>The bad review is “{state}”; “{action}” is not possible now</translation>
    </message>
    <message>
      <source>差评整改已{state}，不能关闭</source>
      <translation>The bad review follow-up is already “{state}” and cannot be closed</translation>
    </message>
    <message>
      <source>已停止</source>
      <translation>stopped</translation>
    </message>
    <message>
      <source>已关闭</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>已出件</source>
      <translation>Delivered</translation>
    </message>
    <message>
      <source>已办结</source>
      <translation>Completed</translation>
    </message>
    <message>
      <source>已受理</source>
      <translation>Accepted</translation>
    </message>
    <message>
      <source>已叫号</source>
      <translation>Called</translation>
    </message>
    <message>
      <source>已回访</source>
      <translation>Called back</translation>
    </message>
    <message>
      <source>已挂起</source>
      <translation>Suspended</translation>
    </message>
    <message>
      <source>已撤回</source>
      <translation>Withdrawn</translation>
    </message>
    <message>
      <source>已收件</source>
      <translation>Received</translation>
    </message>
    <message>
      <source>已整改</source>
      <translation>Rectified</translation>
    </message>
    <message>
      <source>已断开，正在重连</source>
      <translation>Disconnected; reconnecting</translation>
    </message>
    <message>
      <source>已超期</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>已超期{days}个工作日</source>
      <translation>{days} working days overdue</translation>
    </message>
    <message>
      <source>已超过一次性告知期限（收件后5个工作日，截至{deadline:%Y年%m月%d日}）。依法自收到申请材料之日起即为受理，请按受理处理</source>
      <translation>The time for the one-time notice of required corrections has passed (5 working days after receipt, until {deadline:%Y-%m-%d}). By law the application counts as accepted from the day it was received; please accept it</translation>
    </message>
    <message>
      <source>已超过容缺材料补齐期限（{until:%Y年%m月%d日}）</source>
      <translation>The deadline for the minor materials ({until:%Y-%m-%d}) has passed</translation>
    </message>
    <message>
      <source>已转办</source>
      <translation>Transferred</translation>
    </message>
    <message>
      <source>已过号</source>
      <translation>No-show</translation>
    </message>
    <message>
      <source>已重呼{count}次，请按过号处理</source>
      <translation>Already called again {count} times; please mark it as missed</translation>
    </message>
    <message>
      <source>帮办请求编号冲突，请重新呼叫</source>
      <translation>The help request number clashes. Please call again.</translation>
    </message>
    <message>
      <source>平台</source>
      <translation>Platform</translation>
    </message>
    <message>
      <source>平台上没有这个办件</source>
      <translation>The platform has no such application</translation>
    </message>
    <message>
      <source>平台网络</source>
      <translation>platform network</translation>
    </message>
    <message>
      <source>平台返回的身份信息不完整，请到窗口办理</source>
      <translation>The identity returned by the platform is incomplete. Please go to a service window.</translation>
    </message>
    <message>
      <source>开始办理</source>
      <translation>Start service</translation>
    </message>
    <message>
      <source>当前步骤不能进行此操作</source>
      <translation>This cannot be done at this step</translation>
    </message>
    <message>
      <source>当前没有可选的受理结果</source>
      <translation>No outcome can be chosen yet</translation>
    </message>
    <message>
      <source>当前没有等候的人</source>
      <translation>Nobody is waiting at the moment</translation>
    </message>
    <message>
      <source>待回访</source>
      <translation>Call-back due</translation>
    </message>
    <message>
      <source>待补正</source>
      <translation>Awaiting corrections</translation>
    </message>
    <message>
      <source>待领取</source>
      <translation>Ready for collection</translation>
    </message>
    <message>
      <source>快照中的 {stream}/{row_id} 无法建立检索</source>
      <translation>{stream}/{row_id} in the snapshot cannot be indexed for search</translation>
    </message>
    <message>
      <source>快照已更新，请重新获取快照目录</source>
      <translation>The snapshot has been updated. Please fetch the snapshot index again.</translation>
    </message>
    <message>
      <source>快照数据块下载中断</source>
      <translation>The snapshot chunk download was interrupted</translation>
    </message>
    <message>
      <source>快照数据块无法解压（{stream} 第 {n} 块）</source>
      <translation>A snapshot chunk cannot be unpacked ({stream}, chunk {n})</translation>
    </message>
    <message>
      <source>快照数据块校验值不符（传输损坏）</source>
      <translation>A snapshot chunk's checksum does not match (damaged in transfer)</translation>
    </message>
    <message>
      <source>快照数据块行数不符（{stream} 第 {n} 块）</source>
      <translation>A snapshot chunk has the wrong number of rows ({stream}, chunk {n})</translation>
    </message>
    <message>
      <source>快照数据行格式错误（{stream} 第 {n} 块）</source>
      <translation>A snapshot row is malformed ({stream}, chunk {n})</translation>
    </message>
    <message>
      <source>快照校验失败（{stream}），已丢弃，稍后重新下载</source>
      <translation>The snapshot failed its check ({stream}); it was discarded and will be downloaded again later</translation>
    </message>
    <message>
      <source>您今天的预约已签到，排队号为 {numbers}</source>
      <translation>You have already checked in for today's appointment; your ticket number is {numbers}</translation>
    </message>
    <message>
      <source>您今天的预约时段已过，请重新取号或咨询服务台</source>
      <translation>Your appointment time today has passed; please take a new ticket or ask at the service desk</translation>
    </message>
    <message>
      <source>您有多件办理结果待领取，请选择要领取的结果</source>
      <translation>Several results are waiting for you; please choose the one to collect</translation>
    </message>
    <message>
      <source>您没有“{role}”岗位权限</source>
      <translation>You do not hold the role “{role}”</translation>
    </message>
    <message>
      <source>所选事项已不在事项清单中</source>
      <translation>The chosen service item is no longer in the catalog</translation>
    </message>
    <message>
      <source>所选办件没有纸质材料需要移交 (电子证照和共享数据随办件推送)</source>
      <translation>The chosen cases have no paper materials to hand over (e-licences and shared data travel with the case)</translation>
    </message>
    <message>
      <source>所选办理情形不存在，请重新选择</source>
      <translation>The chosen situation does not exist; please choose again</translation>
    </message>
    <message>
      <source>所选结果不在待领取列表中</source>
      <translation>The chosen result is not in the list waiting for pickup</translation>
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
      <source>打印任务缺少标题</source>
      <translation>The print job has no title</translation>
    </message>
    <message>
      <source>打印任务被暂停（{detail}）</source>
      <translation>The print job was paused ({detail})</translation>
    </message>
    <message>
      <source>打印份数应为1至{max}份</source>
      <translation>The number of copies must be from 1 to {max}</translation>
    </message>
    <message>
      <source>打印内容不是有效的 PDF 文件</source>
      <translation>The document to print is not a valid PDF file</translation>
    </message>
    <message>
      <source>打印失败，请检查打印机</source>
      <translation>Printing failed; please check the printer</translation>
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
      <source>打印机故障，结果文书未能打出，已通知工作人员。请稍后重新领取，或到出件窗口领取</source>
      <translation>The printer has a fault and your result document could not be printed; staff have been told. Please try again later, or collect it at the results window</translation>
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
      <source>打印程序出错，请联系运维人员；可改用其他打印机重新打印</source>
      <translation>The printing program failed. Please contact support; you can print again on another printer.</translation>
    </message>
    <message>
      <source>打印系统报告任务出错</source>
      <translation>the print system reports a job error</translation>
    </message>
    <message>
      <source>扫码内容含有无法识别的字符，请重新扫码</source>
      <translation>The scanned code contains unreadable characters; please scan again</translation>
    </message>
    <message>
      <source>扫码内容过长，无法识别，请确认扫描的是办事二维码</source>
      <translation>The scanned code is too long to read; please make sure you scan a service QR code</translation>
    </message>
    <message>
      <source>扫码器</source>
      <translation>scanner</translation>
    </message>
    <message>
      <source>扫码器暂不可用，请联系工作人员</source>
      <translation>The scanner is not available right now; please ask a member of staff</translation>
    </message>
    <message>
      <source>扫码模块缺少解码库 libzbar0，摄像头扫码不可用。请联系管理员安装 libzbar0 后重启终端。</source>
      <translation>The scanning module is missing the decoding library libzbar0, so camera scanning is unavailable. Please ask the administrator to install libzbar0 and restart the terminal.</translation>
    </message>
    <message>
      <source>找不到该打印任务</source>
      <translation>Print job not found</translation>
    </message>
    <message>
      <source>拒绝新任务</source>
      <translation>not accepting new jobs</translation>
    </message>
    <message>
      <source>拼音词库缺失或损坏: {path} ({exc})</source>
      <translation>The pinyin dictionary is missing or damaged: {path} ({exc})</translation>
    </message>
    <message>
      <source>拼音输入法词库缺失或损坏: {path} ({error})</source>
      <translation>The pinyin input dictionary is missing or damaged: {path} ({error})</translation>
    </message>
    <message>
      <source>挂起</source>
      <translation>Suspend</translation>
    </message>
    <message>
      <source>排队号 {number} 格式不正确</source>
      <translation>Ticket number {number} is not in the right format</translation>
    </message>
    <message>
      <source>排队号{number}当前{state}，不能{action}</source>
      <translation>Ticket {number} is “{state}”; “{action}” is not possible now</translation>
    </message>
    <message>
      <source>排队号前缀与业务类别不一致</source>
      <translation>The ticket prefix does not match the service area</translation>
    </message>
    <message>
      <source>排队号应在001至999之间</source>
      <translation>The ticket number must be between 001 and 999</translation>
    </message>
    <message>
      <source>排队号格式不正确</source>
      <translation>The ticket number is not in the right format</translation>
    </message>
    <message>
      <source>排队系统拒绝了本终端：{reason}</source>
      <translation>The queue system refused this terminal: {reason}</translation>
    </message>
    <message>
      <source>排队系统拒绝了该操作</source>
      <translation>The queue system refused this operation</translation>
    </message>
    <message>
      <source>排队系统暂时不可用（{status}）</source>
      <translation>The queue system is temporarily unavailable ({status})</translation>
    </message>
    <message>
      <source>排队系统的应答格式错误</source>
      <translation>The queue system's answer has the wrong format</translation>
    </message>
    <message>
      <source>推送后台审批</source>
      <translation>Send for back-office review</translation>
    </message>
    <message>
      <source>提交的办件状态无效</source>
      <translation>The submitted application state is invalid</translation>
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
      <source>撤回申请</source>
      <translation>Withdraw the application</translation>
    </message>
    <message>
      <source>操作“{action}”与目标状态不一致</source>
      <translation>The operation "{action}" does not match the target state</translation>
    </message>
    <message>
      <source>操作人标识不能使用身份证号码或手机号码</source>
      <translation>An operator ID must not be an ID card or mobile phone number</translation>
    </message>
    <message>
      <source>收件</source>
      <translation>Receive</translation>
    </message>
    <message>
      <source>政务服务平台暂时无法处理，请稍后再试</source>
      <translation>The government service platform cannot handle this right now. Please try again later.</translation>
    </message>
    <message>
      <source>政务服务平台的应答无法识别，请稍后再试</source>
      <translation>The government service platform's answer cannot be read. Please try again later.</translation>
    </message>
    <message>
      <source>故障</source>
      <translation>Fault</translation>
    </message>
    <message>
      <source>救济途径须告知申请人申请行政复议和提起行政诉讼的权利及期限</source>
      <translation>The means of redress must tell the applicant of their right to administrative review and to an administrative lawsuit, and the time limits</translation>
    </message>
    <message>
      <source>数据已重建（新的周期）</source>
      <translation>The data has been rebuilt (a new period)</translation>
    </message>
    <message>
      <source>数据库连接全部占用，请稍后重试</source>
      <translation>All database connections are in use. Please try again later.</translation>
    </message>
    <message>
      <source>数据库连接已关闭</source>
      <translation>The database connection is closed</translation>
    </message>
    <message>
      <source>数据文件 {file} 由更新版本的 govterm 写入（数据版本 {found}，本程序只认识到 {known}）。请安装最新版本的 govterm，不要删除该文件；如需回退版本请联系运维人员。</source>
      <translation>The data file {file} was written by a newer govterm (data version {found}; this program knows up to {known}). Please install the latest govterm and do not delete the file; to go back to an older version, contact support.</translation>
    </message>
    <message>
      <source>数据目录 {data_dir} 已有同步程序在运行（每个存储只允许一个）</source>
      <translation>A sync program is already running for the data folder {data_dir} (only one is allowed per store)</translation>
    </message>
    <message>
      <source>数据目录 {data_dir} 正被另一个 govterm 程序使用。同一台终端只能运行一个 govterm：请关闭另一个窗口或重启终端后再试。</source>
      <translation>The data folder {data_dir} is in use by another govterm program. Only one govterm can run on a terminal: close the other window or restart the terminal, then try again.</translation>
    </message>
    <message>
      <source>数据目录 {data_dir} 正被另一个 govterm 程序使用（进程号 {holder}）。同一台终端只能运行一个 govterm：请关闭另一个窗口或重启终端后再试。</source>
      <translation>The data folder {data_dir} is in use by another govterm program (process {holder}). Only one govterm can run on a terminal: close the other window or restart the terminal, then try again.</translation>
    </message>
    <message>
      <source>整改</source>
      <translation>Rectify</translation>
    </message>
    <message>
      <source>整改已认可</source>
      <translation>Rectification accepted</translation>
    </message>
    <message>
      <source>文件扩展名与内容不符, 请确认导入的是扫描件</source>
      <translation>The file's extension does not match its content; please make sure you are importing a scan</translation>
    </message>
    <message>
      <source>文件是空的, 请重新扫描</source>
      <translation>The file is empty; please scan again</translation>
    </message>
    <message>
      <source>文件超过{megabytes}MB, 请降低扫描分辨率或分页导入</source>
      <translation>The file is larger than {megabytes} MB; please scan at a lower resolution or import page by page</translation>
    </message>
    <message>
      <source>新密码不能与原密码相同</source>
      <translation>The new password must differ from the current one</translation>
    </message>
    <message>
      <source>无应答</source>
      <translation>No answer</translation>
    </message>
    <message>
      <source>无法与前置机 {host} 建立安全连接（TLS 握手失败）：请核对 [gateway] url 是前置机的 HTTPS 地址和端口</source>
      <translation>Cannot set up a secure connection to the gateway {host} (TLS handshake failed). Check that [gateway] url is the gateway's HTTPS address and port.</translation>
    </message>
    <message>
      <source>无法使用 {file}：{problem}</source>
      <translation>Cannot use {file}: {problem}</translation>
    </message>
    <message>
      <source>无法使用数据目录 {data_dir}：{strerror}</source>
      <translation>Cannot use the data folder {data_dir}: {strerror}</translation>
    </message>
    <message>
      <source>无法写入 {path}，请检查数据目录的权限。</source>
      <translation>Cannot write {path}. Please check the data folder's permissions.</translation>
    </message>
    <message>
      <source>无法写入导出文件：{error}</source>
      <translation>Cannot write the export file: {error}</translation>
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
      <source>无法识别该码的签发密钥，请刷新手机上的码；如仍不行请到窗口办理</source>
      <translation>The code was signed with an unknown key; please refresh the code on your phone. If it still fails, please go to a service window</translation>
    </message>
    <message>
      <source>无法读取演示账号文件 {path}：{strerror}</source>
      <translation>Cannot read the demo accounts file {path}: {strerror}</translation>
    </message>
    <message>
      <source>无法读取该文件, 请确认文件存在且未被占用</source>
      <translation>Cannot read the file; please make sure it exists and is not in use</translation>
    </message>
    <message>
      <source>无法读取配置文件 {path}: {reason}</source>
      <translation>Cannot read the configuration file {path}: {reason}</translation>
    </message>
    <message>
      <source>无法连接 CUPS：{error}</source>
      <translation>cannot connect to CUPS: {error}</translation>
    </message>
    <message>
      <source>无法连接前置机（网络中断或前置机未运行）</source>
      <translation>Cannot reach the gateway (network down or gateway not running)</translation>
    </message>
    <message>
      <source>无法连接前置机，请检查网络</source>
      <translation>Cannot reach the gateway. Please check the network.</translation>
    </message>
    <message>
      <source>无法连接前置机，请检查网络和前置机地址</source>
      <translation>Cannot reach the gateway. Please check the network and the gateway address.</translation>
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
      <source>无法连接排队系统（前置机）</source>
      <translation>Cannot reach the queue system (gateway)</translation>
    </message>
    <message>
      <source>无法连接排队系统，本机的离线号码已用完，请到服务台由工作人员取号</source>
      <translation>Cannot reach the queue system and this terminal's offline numbers are used up. Please ask staff at the service desk for a ticket.</translation>
    </message>
    <message>
      <source>无法连接排队系统，请到服务台取号</source>
      <translation>Cannot reach the queue system. Please take a ticket at the service desk.</translation>
    </message>
    <message>
      <source>无法连接政务服务平台，请稍后再试</source>
      <translation>Cannot reach the government service platform. Please try again later.</translation>
    </message>
    <message>
      <source>无法连接数据库 {where}：{exc}</source>
      <translation>Cannot connect to the database {where}: {exc}</translation>
    </message>
    <message>
      <source>无法锁定数据目录 {data_dir}：{strerror}</source>
      <translation>Cannot lock the data folder {data_dir}: {strerror}</translation>
    </message>
    <message>
      <source>日历数据异常：长期没有工作日</source>
      <translation>The calendar data is wrong: no working day for a long time</translation>
    </message>
    <message>
      <source>日期格式不正确</source>
      <translation>The date is not in the right format</translation>
    </message>
    <message>
      <source>日期跨度过大</source>
      <translation>The date range is too long</translation>
    </message>
    <message>
      <source>时段开始应写作 HH:MM，时长至少 1 分钟</source>
      <translation>Write the start of the time slot as HH:MM; the slot must be at least 1 minute long</translation>
    </message>
    <message>
      <source>时间 {at} 无效</source>
      <translation>Invalid time {at}</translation>
    </message>
    <message>
      <source>是否采用告知承诺方式由申请人自主决定，请先征得申请人同意</source>
      <translation>Notification and commitment is the applicant's own choice; please ask for their consent first</translation>
    </message>
    <message>
      <source>智能文件柜</source>
      <translation>smart locker</translation>
    </message>
    <message>
      <source>智能文件柜串口出错：{error}</source>
      <translation>Pickup locker serial port error: {error}</translation>
    </message>
    <message>
      <source>智能文件柜暂不可用，请到出件窗口领取</source>
      <translation>The pickup locker is not available; please collect your documents at the results window</translation>
    </message>
    <message>
      <source>暂时无法取得结果文书，请稍后再试或到出件窗口领取</source>
      <translation>The result document cannot be fetched right now; please try again later or collect it at the results window</translation>
    </message>
    <message>
      <source>有 {count} 个附件尚未上传，上传后自动重试</source>
      <translation>{count} attachment(s) not uploaded yet; will retry automatically once they are</translation>
    </message>
    <message>
      <source>有多个同名{label}，请用序号或证件号码指定</source>
      <translation>Several {label} have this name. Please use the number or the ID number.</translation>
    </message>
    <message>
      <source>有效期应为1至1440分钟</source>
      <translation>The validity must be from 1 to 1440 minutes</translation>
    </message>
    <message>
      <source>未安装 espeak-ng，无法语音叫号</source>
      <translation>espeak-ng is not installed, so calls cannot be announced by voice</translation>
    </message>
    <message>
      <source>未安装语音合成程序 espeak-ng (Debian 软件包 espeak-ng)</source>
      <translation>The speech synthesizer espeak-ng is not installed (Debian package espeak-ng)</translation>
    </message>
    <message>
      <source>未找到可嵌入的中文字体，请安装 fonts-wqy-microhei 或在设置中指定字体路径</source>
      <translation>No embeddable Chinese font was found; please install fonts-wqy-microhei or set the font path in the settings</translation>
    </message>
    <message>
      <source>未检测到摄像头，摄像头扫码不可用。请检查摄像头连线，或使用扫码枪。</source>
      <translation>No camera found, so camera scanning is unavailable. Check the camera cable, or use the barcode scanner.</translation>
    </message>
    <message>
      <source>未知的办件操作</source>
      <translation>Unknown application operation</translation>
    </message>
    <message>
      <source>未知的办件状态</source>
      <translation>Unknown application state</translation>
    </message>
    <message>
      <source>未知的岗位</source>
      <translation>Unknown role</translation>
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
      <source>未能初始化</source>
      <translation>Could not be started</translation>
    </message>
    <message>
      <source>未识别到有效内容，请重新扫码</source>
      <translation>Nothing readable was found; please scan again</translation>
    </message>
    <message>
      <source>未连接前置机：自助取件码须由前置机签发，请联网后再试</source>
      <translation>Not connected to the hall gateway: self-service pickup codes are issued by the gateway; please try again when online</translation>
    </message>
    <message>
      <source>未配置 CUPS 打印队列名称（printing.{device}_printer），请用 lpstat -p 查看队列名后填写</source>
      <translation>No CUPS print queue name is set (printing.{device}_printer); find the queue name with lpstat -p and fill it in</translation>
    </message>
    <message>
      <source>未配置前置机地址（[gateway] url）</source>
      <translation>No gateway address is configured ([gateway] url)</translation>
    </message>
    <message>
      <source>未配置前置机地址，终端使用本机已有的数据运行</source>
      <translation>No gateway address is configured; the terminal runs on the data it already has</translation>
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
      <source>未配置打印机“{printer}”</source>
      <translation>Printer "{printer}" is not configured</translation>
    </message>
    <message>
      <source>未配置打印机“{printer}”，请在管理界面改用其他打印机重新打印</source>
      <translation>Printer "{printer}" is not configured. Please print again on another printer from the admin screen.</translation>
    </message>
    <message>
      <source>本大厅未开通排队取号</source>
      <translation>This hall does not offer queue tickets</translation>
    </message>
    <message>
      <source>本大厅没有业务类别 {prefix}，可选：{names}</source>
      <translation>This hall has no type of business {prefix}. Available: {names}</translation>
    </message>
    <message>
      <source>本大厅没有这个办件编号</source>
      <translation>This hall has no application with this number</translation>
    </message>
    <message>
      <source>本机{device}暂不可用，如需帮助请联系工作人员</source>
      <translation>The {device} of this terminal is not available right now; please ask a member of staff if you need help</translation>
    </message>
    <message>
      <source>本机不能保存签名图像，请改用纸质签收单签字</source>
      <translation>This machine cannot store signature images; please sign the paper receipt instead</translation>
    </message>
    <message>
      <source>本机业务日志 {path} 已损坏，其中可能有尚未上传的办件和评价。请不要删除或覆盖该文件；请停止使用本终端，复制整个数据目录备份后联系运维人员（可用 sqlite3 的 .recover 命令恢复）。</source>
      <translation>This terminal's journal {path} is damaged and may hold applications and evaluations not yet uploaded. Do not delete or overwrite the file. Stop using this terminal, back up the whole data folder and contact support (sqlite3's .recover command can restore it).</translation>
    </message>
    <message>
      <source>本机保存有这个办件，请在办件上办理</source>
      <translation>This application is kept on this computer; please handle it from the application itself</translation>
    </message>
    <message>
      <source>本机无法重新加载目录</source>
      <translation>This machine cannot reload the catalog</translation>
    </message>
    <message>
      <source>本机暂时无法打印，请到服务窗口领取纸质材料</source>
      <translation>This machine cannot print at the moment; please collect paper documents at a service window</translation>
    </message>
    <message>
      <source>本机没有打印队列</source>
      <translation>This machine has no print queue</translation>
    </message>
    <message>
      <source>本机没有智能文件柜</source>
      <translation>This machine has no pickup locker</translation>
    </message>
    <message>
      <source>本机没有自助取件</source>
      <translation>This machine does not offer self-service pickup</translation>
    </message>
    <message>
      <source>本机没有这个办件</source>
      <translation>This application is not on this computer</translation>
    </message>
    <message>
      <source>本次打印未完成</source>
      <translation>this print job is incomplete</translation>
    </message>
    <message>
      <source>本次收件已完成，不能再修改</source>
      <translation>This application has been taken in and can no longer be changed</translation>
    </message>
    <message>
      <source>本窗口尚未在排队系统中登记业务区</source>
      <translation>This window has no business areas registered in the queue system</translation>
    </message>
    <message>
      <source>本窗口尚未设置业务区, 请在页首“业务区”中选择后再叫号</source>
      <translation>This window has no business areas yet; choose them under "Service areas" at the top before calling</translation>
    </message>
    <message>
      <source>本终端尚未注册到前置机，居民码/企业码暂不能联网核验；注册完成后自动恢复</source>
      <translation>This terminal is not enrolled with the gateway yet, so resident/enterprise codes cannot be checked online. This resumes by itself once enrolment is done.</translation>
    </message>
    <message>
      <source>本终端尚未注册到前置机，帮办、统计、差评整改和取件码暂不可用；注册完成后自动恢复</source>
      <translation>This terminal is not enrolled with the gateway yet, so help calls, statistics, review follow-up and pickup codes are unavailable. They resume by themselves once enrolment is done.</translation>
    </message>
    <message>
      <source>本终端尚未注册到前置机，请工作人员用注册码完成注册</source>
      <translation>This terminal is not enrolled with the gateway yet. Staff, please enrol it with an enrolment code.</translation>
    </message>
    <message>
      <source>本终端没有本地日志库，不能离线取号</source>
      <translation>This terminal has no local journal and cannot issue tickets offline</translation>
    </message>
    <message>
      <source>本终端没有查到您的办件</source>
      <translation>No applications of yours were found on this terminal</translation>
    </message>
    <message>
      <source>本终端没有查到该办件。在其他地方申请的办件，请登录“爱山东”APP或到窗口查询</source>
      <translation>This application was not found on this terminal. For applications made elsewhere, please check the "爱山东" app or ask at a window</translation>
    </message>
    <message>
      <source>本终端的注册信息已损坏，请工作人员重新注册</source>
      <translation>This terminal's enrolment data is damaged. Staff, please enrol it again.</translation>
    </message>
    <message>
      <source>材料不符合要求的不能容缺</source>
      <translation>Defective materials cannot be supplied later</translation>
    </message>
    <message>
      <source>材料不符合要求的不能容缺受理：{materials}</source>
      <translation>Defective materials cannot be supplied later: {materials}</translation>
    </message>
    <message>
      <source>材料不齐全或不符合要求</source>
      <translation>Materials are missing or defective</translation>
    </message>
    <message>
      <source>材料不齐全或不符合要求，不能受理：{materials}。请出具一次性告知书或按容缺、告知承诺办理</source>
      <translation>Materials are missing or defective, so the case cannot be accepted: {materials}. Please issue a one-time notice of required corrections, or accept pending minor materials or on notification and commitment</translation>
    </message>
    <message>
      <source>材料清单与附件不一致</source>
      <translation>The list of materials does not match the attachments</translation>
    </message>
    <message>
      <source>材料齐全，无需容缺，请直接受理</source>
      <translation>All materials are complete; nothing to supply later, please accept directly</translation>
    </message>
    <message>
      <source>材料齐全，无需补正</source>
      <translation>All materials are complete; no corrections needed</translation>
    </message>
    <message>
      <source>材料齐全，无需补正，请直接受理</source>
      <translation>All materials are complete; no corrections needed, please accept directly</translation>
    </message>
    <message>
      <source>柜门即将打开，请取走文件后关好柜门</source>
      <translation>The locker door is about to open; please take your documents and close the door</translation>
    </message>
    <message>
      <source>柜门未能打开，已通知工作人员，请到出件窗口领取或稍后再试</source>
      <translation>The locker door did not open and staff have been told; please collect your documents at the results window or try again later</translation>
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
      <source>格口号 {compartment} 超出范围（1至{count}）</source>
      <translation>Compartment number {compartment} is out of range (1 to {count})</translation>
    </message>
    <message>
      <source>正在打印办理结果，请稍候</source>
      <translation>Printing your result, please wait</translation>
    </message>
    <message>
      <source>正式办件编号格式不正确</source>
      <translation>The official case number is not in the right format</translation>
    </message>
    <message>
      <source>此终端已被停用，请联系管理员重新注册</source>
      <translation>This terminal has been disabled. Please contact the administrator to enrol it again.</translation>
    </message>
    <message>
      <source>每块锁控板的格口数应为1至127，配置为 {count}</source>
      <translation>Each lock board must have 1 to 127 compartments; the settings say {count}</translation>
    </message>
    <message>
      <source>没有可用的音频输出设备 (扬声器)</source>
      <translation>No audio output device (speaker) is available</translation>
    </message>
    <message>
      <source>没有待确认的取件</source>
      <translation>There is no pickup waiting for confirmation</translation>
    </message>
    <message>
      <source>没有找到{label}“{name}”（可用姓名/名称、序号或证件号码）</source>
      <translation>No {label} "{name}" found (use the name, the number or the ID number)</translation>
    </message>
    <message>
      <source>没有找到这个预约，请核对预约号</source>
      <translation>Appointment not found. Please check the appointment number.</translation>
    </message>
    <message>
      <source>没有查到您今天在本大厅的预约。如已预约，请输入预约短信中的预约码</source>
      <translation>No appointment for you in this hall today was found. If you have booked, please enter the appointment code from the SMS</translation>
    </message>
    <message>
      <source>没有查到您在本大厅待领取的办理结果。如结果需窗口领取或邮寄，请咨询工作人员</source>
      <translation>No result is waiting for you in this hall. If your result is collected at a window or sent by post, please ask the staff</translation>
    </message>
    <message>
      <source>没有缺少的材料</source>
      <translation>No materials are missing</translation>
    </message>
    <message>
      <source>没有这个数据流</source>
      <translation>No such data stream</translation>
    </message>
    <message>
      <source>没有这些投诉原因：{unknown}</source>
      <translation>These complaint reasons do not exist: {unknown}</translation>
    </message>
    <message>
      <source>没有这条差评或投诉</source>
      <translation>No such bad review or complaint</translation>
    </message>
    <message>
      <source>没有这条帮办请求</source>
      <translation>No such help request</translation>
    </message>
    <message>
      <source>法人</source>
      <translation>Businesses</translation>
    </message>
    <message>
      <source>注册码已被使用，请向管理员申请新的注册码</source>
      <translation>This enrolment code has already been used. Please ask the administrator for a new one.</translation>
    </message>
    <message>
      <source>注册码已过期，请向管理员申请新的注册码</source>
      <translation>This enrolment code has expired. Please ask the administrator for a new one.</translation>
    </message>
    <message>
      <source>注册码无效</source>
      <translation>Invalid enrolment code</translation>
    </message>
    <message>
      <source>注册码无效，请向管理员核对</source>
      <translation>Invalid enrolment code. Please check it with the administrator.</translation>
    </message>
    <message>
      <source>注册码格式不正确，请核对后重新输入</source>
      <translation>The enrolment code is not in the right format. Please check it and enter it again.</translation>
    </message>
    <message>
      <source>游标已超过保留期限</source>
      <translation>The cursor is older than the retention period</translation>
    </message>
    <message>
      <source>游标无法识别</source>
      <translation>The cursor cannot be read</translation>
    </message>
    <message>
      <source>满意</source>
      <translation>Satisfied</translation>
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
      <source>演示账号 {id} 的密码散列格式有误</source>
      <translation>The password hash of demo account {id} is malformed</translation>
    </message>
    <message>
      <source>演示账号文件 {path} 格式有误：{problem}</source>
      <translation>The demo accounts file {path} is malformed: {problem}</translation>
    </message>
    <message>
      <source>申请人</source>
      <translation>Applicant</translation>
    </message>
    <message>
      <source>电子证照标识不完整：应由类型代码、颁发机构代码、流水号、版本号和校验位组成</source>
      <translation>The e-licence identifier is incomplete: it consists of a type code, issuer code, serial, version and check character</translation>
    </message>
    <message>
      <source>电子证照标识中的流水号应为1至32位数字或大写字母</source>
      <translation>The serial in the e-licence identifier must be 1 to 32 digits or capital letters</translation>
    </message>
    <message>
      <source>电子证照标识中的版本号应为3位数字（从001开始）</source>
      <translation>The version in the e-licence identifier must be 3 digits (from 001)</translation>
    </message>
    <message>
      <source>电子证照标识中的证照类型代码应为21位（定义部门统一社会信用代码加3位序号）</source>
      <translation>The licence type code in the e-licence identifier must be 21 characters (the defining department's unified social credit code plus a 3-digit serial)</translation>
    </message>
    <message>
      <source>电子证照标识中的证照类型代码所含统一社会信用代码无效</source>
      <translation>The unified social credit code in the licence type code of the e-licence identifier is not valid</translation>
    </message>
    <message>
      <source>电子证照标识中的颁发机构代码不是有效的统一社会信用代码</source>
      <translation>The issuer code in the e-licence identifier is not a valid unified social credit code</translation>
    </message>
    <message>
      <source>电子证照标识中的颁发机构代码应为大写</source>
      <translation>The issuer code in the e-licence identifier must be in capital letters</translation>
    </message>
    <message>
      <source>电子证照标识内容为空</source>
      <translation>The e-licence identifier is empty</translation>
    </message>
    <message>
      <source>电子证照标识只能包含数字和大写字母</source>
      <translation>The e-licence identifier may contain only digits and capital letters</translation>
    </message>
    <message>
      <source>电子证照标识应使用大写字母</source>
      <translation>The e-licence identifier must use capital letters</translation>
    </message>
    <message>
      <source>电子证照标识校验位不正确，请核对后重新输入</source>
      <translation>The check character of the e-licence identifier is wrong; please check it and enter it again</translation>
    </message>
    <message>
      <source>电子证照标识的校验位应为1位数字或大写字母</source>
      <translation>The check character of the e-licence identifier must be one digit or capital letter</translation>
    </message>
    <message>
      <source>电子证照须注明证照标识和证照类型</source>
      <translation>An e-licence needs its licence identifier and licence type</translation>
    </message>
    <message>
      <source>登录时未填写窗口号, 不能叫号</source>
      <translation>No window number was given at login, so tickets cannot be called</translation>
    </message>
    <message>
      <source>目录 {folder} 不存在</source>
      <translation>folder {folder} does not exist</translation>
    </message>
    <message>
      <source>码内容不完整，请重新扫码</source>
      <translation>The code is incomplete; please scan again</translation>
    </message>
    <message>
      <source>码内容无效（多余数据），请刷新后重新出示</source>
      <translation>The code is not valid (extra data); please refresh it and show it again</translation>
    </message>
    <message>
      <source>码内容无效，请刷新后重新出示</source>
      <translation>The code is not valid; please refresh it and show it again</translation>
    </message>
    <message>
      <source>磁盘已满，无法写入 {file}。请通知工作人员清理终端磁盘。</source>
      <translation>The disk is full; {file} cannot be written. Please ask staff to free up space on the terminal.</translation>
    </message>
    <message>
      <source>离线</source>
      <translation>Offline</translation>
    </message>
    <message>
      <source>离线号段不属于本终端</source>
      <translation>The offline number block does not belong to this terminal</translation>
    </message>
    <message>
      <source>离线号码的取号日期与号段日期不符</source>
      <translation>The offline ticket's date does not match the date of its number block</translation>
    </message>
    <message>
      <source>窗口办结</source>
      <translation>Conclude at the window</translation>
    </message>
    <message>
      <source>窗口办结须经办人和首席代表两人签批</source>
      <translation>Concluding at the window needs two signatures: the clerk's and the chief representative's</translation>
    </message>
    <message>
      <source>窗口办结须经办人和首席代表两人签批：请首席代表输入账号和密码</source>
      <translation>Concluding at the window needs two signatures, the clerk's and the chief representative's: chief representative, please enter your account and password</translation>
    </message>
    <message>
      <source>窗口号或排队号格式不正确</source>
      <translation>The window number or ticket number is not in the right format</translation>
    </message>
    <message>
      <source>窗口无否决权：不予受理须经首席代表审核同意</source>
      <translation>A window cannot reject on its own: non-acceptance needs the chief representative's approval</translation>
    </message>
    <message>
      <source>窗口领取须由领取人签收</source>
      <translation>Collection at the window must be signed for by the recipient</translation>
    </message>
    <message>
      <source>第 {n} 个{what}“{name}”的数据不符合规则</source>
      <translation>The data of {what} no. {n} "{name}" breaks the rules</translation>
    </message>
    <message>
      <source>第 {page} 页无法渲染</source>
      <translation>Page {page} cannot be rendered</translation>
    </message>
    <message>
      <source>等候中</source>
      <translation>Waiting</translation>
    </message>
    <message>
      <source>等待前序事件处理完成</source>
      <translation>Waiting for earlier events to be processed</translation>
    </message>
    <message>
      <source>答复摘要不能超过{limit}字, 请精简</source>
      <translation>The answer summary cannot be longer than {limit} characters; please shorten it</translation>
    </message>
    <message>
      <source>管理令牌无效</source>
      <translation>Invalid admin token</translation>
    </message>
    <message>
      <source>管理员</source>
      <translation>Administrator</translation>
    </message>
    <message>
      <source>管理接口未启用</source>
      <translation>The admin interface is not enabled</translation>
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
      <source>纸张将尽</source>
      <translation>Paper low</translation>
    </message>
    <message>
      <source>终端尚未完成注册，暂时无法连接政务服务平台，请稍后再试或联系工作人员</source>
      <translation>This terminal is not enrolled yet and cannot reach the government service platform; please try again later or ask the staff</translation>
    </message>
    <message>
      <source>终端时钟与前置机相差过大，请校准时间</source>
      <translation>The terminal's clock differs too much from the gateway's. Please correct the time.</translation>
    </message>
    <message>
      <source>终端未注册</source>
      <translation>The terminal is not enrolled</translation>
    </message>
    <message>
      <source>终端编号只能由字母、数字和连字符组成</source>
      <translation>The terminal ID may contain only letters, digits and hyphens</translation>
    </message>
    <message>
      <source>结束日期不能早于开始日期</source>
      <translation>The end date cannot be before the start date</translation>
    </message>
    <message>
      <source>结果文书传输不完整，请稍后再试</source>
      <translation>The result document did not arrive complete; please try again later</translation>
    </message>
    <message>
      <source>结果文书文件已损坏或格式不正确，无法打印，请到出件窗口咨询</source>
      <translation>The result document is damaged or in the wrong format and cannot be printed; please ask at the delivery window</translation>
    </message>
    <message>
      <source>统一社会信用代码含有无效字符</source>
      <translation>The unified social credit code contains invalid characters</translation>
    </message>
    <message>
      <source>统一社会信用代码应为18位数字或大写字母</source>
      <translation>The unified social credit code must be 18 digits or capital letters</translation>
    </message>
    <message>
      <source>统一社会信用代码校验位不正确，请核对后重新输入</source>
      <translation>The check character of the unified social credit code is wrong; please check it and enter it again</translation>
    </message>
    <message>
      <source>统计区间不能超过一年</source>
      <translation>The reporting period cannot be longer than one year</translation>
    </message>
    <message>
      <source>综合受理</source>
      <translation>Front desk</translation>
    </message>
    <message>
      <source>编号格式不正确，请核对后重新输入</source>
      <translation>The number is not valid; please check it and enter it again</translation>
    </message>
    <message>
      <source>缺少 QtMultimedia 组件</source>
      <translation>The QtMultimedia component is missing</translation>
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
      <source>缺少经办人</source>
      <translation>The clerk handling it is missing</translation>
    </message>
    <message>
      <source>缺纸</source>
      <translation>Out of paper</translation>
    </message>
    <message>
      <source>网络中断，暂时无法取得结果文书，请稍后再试</source>
      <translation>The network is down, so the result document cannot be fetched now; please try again later</translation>
    </message>
    <message>
      <source>网络中断，暂时无法用居民码核对领取人，请输入短信取件码和身份证号码后4位</source>
      <translation>The network is down, so the Resident Code cannot be checked; please enter the pickup code from the SMS and the last 4 digits of your ID number</translation>
    </message>
    <message>
      <source>网络中断，暂时无法预约签到，请到服务台由工作人员办理</source>
      <translation>The network is down, so appointment check-in is not possible right now. Please ask staff at the service desk.</translation>
    </message>
    <message>
      <source>联系电话应为11位手机号码或带区号的固定电话</source>
      <translation>The phone number must be an 11-digit mobile number or a landline with area code</translation>
    </message>
    <message>
      <source>自助取件请使用“转自助取件”</source>
      <translation>For self-service pickup, please use "Hand over to self-service pickup"</translation>
    </message>
    <message>
      <source>自助终端只能以申请人身份操作</source>
      <translation>A self-service terminal can only act as the applicant</translation>
    </message>
    <message>
      <source>自助终端无法收取纸质材料，请到窗口提交</source>
      <translation>The self-service terminal cannot take paper materials; please hand them in at a window</translation>
    </message>
    <message>
      <source>自检通过</source>
      <translation>Self-test passed</translation>
    </message>
    <message>
      <source>舱盖未关</source>
      <translation>cover open</translation>
    </message>
    <message>
      <source>节假日数据有误：{detail}</source>
      <translation>The holiday data is wrong: {detail}</translation>
    </message>
    <message>
      <source>节假日数据格式不正确</source>
      <translation>The holiday data is not in the right format</translation>
    </message>
    <message>
      <source>英文翻译文件缺失或损坏：{path}</source>
      <translation>The English translation file is missing or damaged: {path}</translation>
    </message>
    <message>
      <source>草稿</source>
      <translation>Draft</translation>
    </message>
    <message>
      <source>补正后重新收件</source>
      <translation>Receive again after corrections</translation>
    </message>
    <message>
      <source>补齐容缺材料</source>
      <translation>Supply the minor materials</translation>
    </message>
    <message>
      <source>记录评价人意见</source>
      <translation>Record the reviewer's opinion</translation>
    </message>
    <message>
      <source>评价</source>
      <translation>Evaluate</translation>
    </message>
    <message>
      <source>评价原因有重复</source>
      <translation>A reason was given twice</translation>
    </message>
    <message>
      <source>评价时间缺少时区</source>
      <translation>The rating time has no time zone</translation>
    </message>
    <message>
      <source>评价编号不能为空</source>
      <translation>The evaluation number cannot be empty</translation>
    </message>
    <message>
      <source>评价须对应办件编号或排队号</source>
      <translation>A rating needs a case number or a ticket number</translation>
    </message>
    <message>
      <source>该事项不在本大厅办理</source>
      <translation>This service is not handled in this hall</translation>
    </message>
    <message>
      <source>该事项不支持{method}出件</source>
      <translation>This service does not offer delivery by {method}</translation>
    </message>
    <message>
      <source>该事项不支持此出件方式</source>
      <translation>This service does not offer this way of delivery</translation>
    </message>
    <message>
      <source>该事项不能在窗口直接办结，请推送后台审批</source>
      <translation>This service cannot be concluded at the window; please forward it for back-office approval</translation>
    </message>
    <message>
      <source>该事项已停止办理</source>
      <translation>This service is no longer offered</translation>
    </message>
    <message>
      <source>该事项已调整：{note}</source>
      <translation>This service has changed: {note}</translation>
    </message>
    <message>
      <source>该事项暂不支持网上申请</source>
      <translation>This service cannot be applied for online yet</translation>
    </message>
    <message>
      <source>该事项暂不支持自助终端申请，请到窗口办理</source>
      <translation>This service cannot be applied for at a self-service terminal yet; please go to a service window</translation>
    </message>
    <message>
      <source>该事项未实行告知承诺制</source>
      <translation>This service does not offer notification and commitment</translation>
    </message>
    <message>
      <source>该事项的服务对象为{audience}</source>
      <translation>This service is for: {audience}</translation>
    </message>
    <message>
      <source>该办件已不在前台, 不能再补充扫描件</source>
      <translation>This case has left the front desk; scans can no longer be added</translation>
    </message>
    <message>
      <source>该办件已在其他窗口更新，请重新打开后再操作</source>
      <translation>This application was updated at another window. Please open it again and retry.</translation>
    </message>
    <message>
      <source>该打印任务已完成或正在打印，无法取消</source>
      <translation>This print job is finished or printing and cannot be cancelled</translation>
    </message>
    <message>
      <source>该打印任务正在排队或打印中，无需重新打印</source>
      <translation>This print job is queued or printing; no need to print it again</translation>
    </message>
    <message>
      <source>该排队号已评价</source>
      <translation>This ticket has already been rated</translation>
    </message>
    <message>
      <source>该材料不属于所选办理情形</source>
      <translation>This material is not part of the chosen situation</translation>
    </message>
    <message>
      <source>该码仅限联网核验，终端暂时无法连接平台，请稍后再试或到窗口办理</source>
      <translation>This code can only be checked online and the terminal cannot reach the platform right now. Please try again later or go to a service window.</translation>
    </message>
    <message>
      <source>该码使用了本终端不支持的签名算法</source>
      <translation>The code uses a signature algorithm this terminal does not support</translation>
    </message>
    <message>
      <source>该码对应的身份已停用，请到窗口核验身份</source>
      <translation>The identity behind this code has been suspended; please have your identity checked at a service window</translation>
    </message>
    <message>
      <source>该码已使用过，请在手机上刷新后重新出示</source>
      <translation>This code has already been used; please refresh it on your phone and show it again</translation>
    </message>
    <message>
      <source>该码已过期，请在手机上刷新后重新出示</source>
      <translation>This code has expired; please refresh it on your phone and show it again</translation>
    </message>
    <message>
      <source>该码无法通过验证（可能被篡改或伪造），请出示手机上的实时码</source>
      <translation>This code cannot be verified (it may have been altered or forged); please show the live code on your phone</translation>
    </message>
    <message>
      <source>该码未授权填表信息，无法自助申请。请在手机上允许“表单预填”后重新出示，或到窗口办理</source>
      <translation>This code does not allow form pre-fill, so self-service application is not possible. Allow "form pre-fill" on your phone and show the code again, or go to a service window.</translation>
    </message>
    <message>
      <source>该码的版本本终端不支持，请升级终端程序或到窗口办理</source>
      <translation>This terminal does not support this code version; please update the terminal software or go to a service window</translation>
    </message>
    <message>
      <source>该码的签发时间晚于本机时间，请核对终端时钟或刷新手机上的码</source>
      <translation>The code was issued later than this terminal's time; please check the terminal clock or refresh the code on your phone</translation>
    </message>
    <message>
      <source>该码的类型无法识别</source>
      <translation>The type of this code is not recognised</translation>
    </message>
    <message>
      <source>该结果已于 {at:%Y年%m月%d日 %H:%M} 领取，如有疑问请呼叫帮办或到窗口咨询</source>
      <translation>This result was collected on {at:%Y-%m-%d} at {at:%H:%M}. If you have questions, please call for assistance or ask at a service window</translation>
    </message>
    <message>
      <source>该结果已被领取，不能重复出件</source>
      <translation>This result has already been collected and cannot be handed out again</translation>
    </message>
    <message>
      <source>该结果已被领取，不能重复领取，请联系窗口工作人员</source>
      <translation>This result has already been collected and cannot be collected again. Please contact the window staff.</translation>
    </message>
    <message>
      <source>该结果已被领取，如有疑问请呼叫帮办或到窗口咨询</source>
      <translation>This result has already been collected. If you have questions, please call for assistance or ask at a service window</translation>
    </message>
    <message>
      <source>该结果的电子文书尚未送达本终端，暂时无法自助打印，请到出件窗口领取</source>
      <translation>The electronic document for this result has not reached this terminal yet, so it cannot be printed here; please collect it at the results window</translation>
    </message>
    <message>
      <source>该请求已由{clerk}（{window}号窗口）响应</source>
      <translation>This request was already answered by {clerk} (window {window})</translation>
    </message>
    <message>
      <source>该账号不是本大厅的首席代表，不能签批窗口办结</source>
      <translation>This account is not a chief representative of this hall and cannot sign a conclusion at the window</translation>
    </message>
    <message>
      <source>该账号不是首席代表, 不能批准不予受理</source>
      <translation>This account is not a chief representative and cannot approve a non-acceptance</translation>
    </message>
    <message>
      <source>该账号已存在</source>
      <translation>This account already exists</translation>
    </message>
    <message>
      <source>该身份已停用，不能出示码</source>
      <translation>This identity is disabled and cannot show a code</translation>
    </message>
    <message>
      <source>该预约已签到，排队号为 {used}</source>
      <translation>This appointment is already checked in; the ticket number is {used}</translation>
    </message>
    <message>
      <source>该预约的业务类别为 {booked_area}，请选择对应业务签到</source>
      <translation>This appointment is for {booked_area}. Please choose that business to check in.</translation>
    </message>
    <message>
      <source>该预约的日期为 {date}，不是今天</source>
      <translation>This appointment is for {date}, not today</translation>
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
    <message>
      <source>语音合成失败：{error}</source>
      <translation>Speech synthesis failed: {error}</translation>
    </message>
    <message>
      <source>语音合成没有产生声音</source>
      <translation>Speech synthesis produced no sound</translation>
    </message>
    <message>
      <source>请使用领取人本人的居民码</source>
      <translation>Please use the Resident Code of the person collecting the result</translation>
    </message>
    <message>
      <source>请先录入申请人，再核验材料</source>
      <translation>Please enter the applicant before checking materials</translation>
    </message>
    <message>
      <source>请先扫描居民码/企业码</source>
      <translation>Please scan the Resident/Enterprise Code first</translation>
    </message>
    <message>
      <source>请先选择事项</source>
      <translation>Please choose a service first</translation>
    </message>
    <message>
      <source>请先选择事项和办理情形</source>
      <translation>Please choose a service and a situation first</translation>
    </message>
    <message>
      <source>请先选择办理情形</source>
      <translation>Please choose a situation first</translation>
    </message>
    <message>
      <source>请先选择办理情形并录入申请人</source>
      <translation>Please choose a situation and enter the applicant first</translation>
    </message>
    <message>
      <source>请先选择要领取的结果</source>
      <translation>Please choose the result to collect first</translation>
    </message>
    <message>
      <source>请先验证身份</source>
      <translation>Please verify your identity first</translation>
    </message>
    <message>
      <source>请写明不予受理（不予办理）的理由</source>
      <translation>Please give the reason for non-acceptance (refusal)</translation>
    </message>
    <message>
      <source>请写明关闭原因</source>
      <translation>Please give the reason for closing</translation>
    </message>
    <message>
      <source>请写明撤回原因</source>
      <translation>Please give the reason for withdrawing</translation>
    </message>
    <message>
      <source>请写明材料不符合要求的具体原因</source>
      <translation>Please say exactly what is wrong with the material</translation>
    </message>
    <message>
      <source>请写明理由，并告知申请人依法申请行政复议或者提起行政诉讼的权利</source>
      <translation>Please give the reason and tell the applicant of their right to apply for administrative reconsideration or to bring an administrative lawsuit</translation>
    </message>
    <message>
      <source>请到现场关好柜门；柜门长时间未关可能是取件人未关门或门锁故障</source>
      <translation>Please close the doors on site; a door left open for long may mean a citizen did not close it or the lock is faulty</translation>
    </message>
    <message>
      <source>请勾选要推送后台的办件</source>
      <translation>Please tick the cases to send to the back office</translation>
    </message>
    <message>
      <source>请勾选要移交的办件</source>
      <translation>Please tick the cases to hand over</translation>
    </message>
    <message>
      <source>请填写办理结果文书编号</source>
      <translation>Please enter the number of the result document</translation>
    </message>
    <message>
      <source>请填写办理结果文书编号（证照编号或批准文号）</source>
      <translation>Please fill in the result document number (licence number or approval number)</translation>
    </message>
    <message>
      <source>请填写回访核实情况</source>
      <translation>Please enter what the follow-up call found</translation>
    </message>
    <message>
      <source>请填写容缺材料的补齐期限</source>
      <translation>Please enter the deadline for the minor materials</translation>
    </message>
    <message>
      <source>请填写挂起原因</source>
      <translation>Please enter the reason for putting it on hold</translation>
    </message>
    <message>
      <source>请填写接收材料的后台部门</source>
      <translation>Please fill in the back-office department receiving the materials</translation>
    </message>
    <message>
      <source>请填写放入结果的智能文件柜柜格号</source>
      <translation>Please fill in the locker compartment number the result was placed in</translation>
    </message>
    <message>
      <source>请填写整改措施</source>
      <translation>Please enter the measures taken</translation>
    </message>
    <message>
      <source>请填写暂停服务的原因</source>
      <translation>Please fill in the reason for pausing service</translation>
    </message>
    <message>
      <source>请填写答复摘要</source>
      <translation>Please fill in the answer summary</translation>
    </message>
    <message>
      <source>请填写行政复议机关和管辖法院</source>
      <translation>Please enter the administrative review body and the competent court</translation>
    </message>
    <message>
      <source>请将身份证平放在读卡区</source>
      <translation>Please place your ID card flat on the reader</translation>
    </message>
    <message>
      <source>请扫描凭条上的二维码，或输入办件编号、排队号</source>
      <translation>Please scan the QR code on your receipt, or enter the case number or ticket number</translation>
    </message>
    <message>
      <source>请扫描居民码，或输入取件码和身份证号码后4位</source>
      <translation>Please scan your Resident Code, or enter the pickup code and the last 4 characters of your ID number</translation>
    </message>
    <message>
      <source>请求内容格式错误：{where}</source>
      <translation>The request is malformed: {where}</translation>
    </message>
    <message>
      <source>请求未签名</source>
      <translation>The request is not signed</translation>
    </message>
    <message>
      <source>请求签名无效</source>
      <translation>The request signature is invalid</translation>
    </message>
    <message>
      <source>请求随机数格式错误</source>
      <translation>The request nonce is malformed</translation>
    </message>
    <message>
      <source>请注明操作人（工作人员账号）</source>
      <translation>Please name the operator (staff account)</translation>
    </message>
    <message>
      <source>请至少选择一个业务区</source>
      <translation>Please choose at least one service area</translation>
    </message>
    <message>
      <source>请至少选择一项不满意的原因</source>
      <translation>Please choose at least one reason you are not satisfied</translation>
    </message>
    <message>
      <source>请记录投诉的具体内容</source>
      <translation>Please record what the complaint is about</translation>
    </message>
    <message>
      <source>请输入身份证号码最后4位</source>
      <translation>Please enter the last 4 characters of your ID number</translation>
    </message>
    <message>
      <source>请输入预约码</source>
      <translation>Please enter the appointment code</translation>
    </message>
    <message>
      <source>请选择业务类别</source>
      <translation>Please choose a type of business</translation>
    </message>
    <message>
      <source>请选择咨询的事项, 或填写咨询主题</source>
      <translation>Please choose the service item asked about, or fill in the topic</translation>
    </message>
    <message>
      <source>请选择放入结果的智能文件柜柜格</source>
      <translation>Please choose the locker compartment for the result</translation>
    </message>
    <message>
      <source>请领取人在签名板上签字，或确认已在纸质签收单签字</source>
      <translation>Please have the recipient sign on the signature pad, or confirm they have signed the paper receipt</translation>
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
      <source>账号不存在</source>
      <translation>The account does not exist</translation>
    </message>
    <message>
      <source>账号或密码错误</source>
      <translation>Wrong account or password</translation>
    </message>
    <message>
      <source>账号或密码错误，再错{left}次账号将被锁定{minutes}分钟</source>
      <translation>Wrong account or password; after {left} more wrong tries the account will be locked for {minutes} minutes</translation>
    </message>
    <message>
      <source>赋予正式办件编号</source>
      <translation>Assign an official case number</translation>
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
      <source>身份证号码中的出生日期无效</source>
      <translation>The date of birth in the ID number is not valid</translation>
    </message>
    <message>
      <source>身份证号码前17位应为数字</source>
      <translation>The first 17 characters of the ID number must be digits</translation>
    </message>
    <message>
      <source>身份证号码应为18位，最后一位可为数字或X</source>
      <translation>The ID number must have 18 characters; the last may be a digit or X</translation>
    </message>
    <message>
      <source>身份证号码校验位不正确，请核对后重新输入</source>
      <translation>The check character of the ID number is wrong; please check it and enter it again</translation>
    </message>
    <message>
      <source>身份证号码校验未通过，请重新放置身份证；如仍失败请到服务窗口办理</source>
      <translation>The ID number failed its check; please place your ID card again. If it still fails, please go to a service window</translation>
    </message>
    <message>
      <source>身份证阅读器</source>
      <translation>ID card reader</translation>
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
      <source>转办</source>
      <translation>Transfer</translation>
    </message>
    <message>
      <source>转办须转到其他业务类别</source>
      <translation>A transfer must go to another service area</translation>
    </message>
    <message>
      <source>过号</source>
      <translation>Mark as no-show</translation>
    </message>
    <message>
      <source>还有材料未核验：{materials}</source>
      <translation>Materials not checked yet: {materials}</translation>
    </message>
    <message>
      <source>这不是居民码或企业码（含有无法识别的字符）</source>
      <translation>This is not a Resident or Enterprise Code (it contains unreadable characters)</translation>
    </message>
    <message>
      <source>这不是居民码或企业码（编码无效）</source>
      <translation>This is not a Resident or Enterprise Code (invalid encoding)</translation>
    </message>
    <message>
      <source>这不是居民码或企业码，请出示手机上“爱山东”中的居民码/企业码</source>
      <translation>This is not a Resident or Enterprise Code; please show the Resident/Enterprise Code in the iShandong app on your phone</translation>
    </message>
    <message>
      <source>这不是本系统出具的凭证二维码</source>
      <translation>This is not a QR code from a paper issued by this system</translation>
    </message>
    <message>
      <source>这不是电子证照标识：应以 1.2.156.3005.2 开头</source>
      <translation>This is not an e-licence identifier: it must start with 1.2.156.3005.2</translation>
    </message>
    <message>
      <source>这是本大厅出具的凭条（{number}），请出示预约码</source>
      <translation>This is a slip issued by this hall ({number}); please show your appointment code</translation>
    </message>
    <message>
      <source>退出密码应为{length}位数字</source>
      <translation>The exit PIN must be {length} digits</translation>
    </message>
    <message>
      <source>退出密码过于简单，请避免连续或重复数字</source>
      <translation>The exit PIN is too simple; avoid runs or repeats of digits</translation>
    </message>
    <message>
      <source>退出密码错误</source>
      <translation>Wrong exit PIN</translation>
    </message>
    <message>
      <source>选择“其他”时请简要说明</source>
      <translation>Please add a short note when you choose “Other”</translation>
    </message>
    <message>
      <source>邮寄须填写运单号，智能文件柜须填写柜格号</source>
      <translation>Post needs a tracking number; a smart locker needs a compartment number</translation>
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
    <message>
      <source>重呼</source>
      <translation>Recall</translation>
    </message>
    <message>
      <source>重复的请求已被拒绝</source>
      <translation>A repeated request was refused</translation>
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
    <message>
      <source>错误次数过多，请于{until:%H:%M}后再试</source>
      <translation>Too many wrong tries; please try again after {until:%H:%M}</translation>
    </message>
    <message>
      <source>错误次数过多，请于{until:%H:%M}后再试，或扫描居民码取件</source>
      <translation>Too many wrong tries; please try again after {until:%H:%M}, or scan your Resident Code to collect</translation>
    </message>
    <message>
      <source>附件不存在</source>
      <translation>Attachment not found</translation>
    </message>
    <message>
      <source>附件内容与其 sha256 不符，请重新上传</source>
      <translation>The attachment does not match its sha256. Please upload it again.</translation>
    </message>
    <message>
      <source>附件名应为64位小写十六进制 sha256</source>
      <translation>The attachment name must be a 64-character lower-case hex sha256</translation>
    </message>
    <message>
      <source>附件超过 20 MB</source>
      <translation>The attachment is larger than 20 MB</translation>
    </message>
    <message>
      <source>随时可用（键盘输入，无法自检）</source>
      <translation>Always ready (keyboard input; cannot self-test)</translation>
    </message>
    <message>
      <source>非常不满意</source>
      <translation>Very dissatisfied</translation>
    </message>
    <message>
      <source>非常满意</source>
      <translation>Very satisfied</translation>
    </message>
    <message>
      <source>预约 {reference} 的业务类别 {area} 不在本大厅</source>
      <translation>The type of business {area} of appointment {reference} is not in this hall</translation>
    </message>
    <message>
      <source>预约人证件号码无效（应为身份证号码或统一社会信用代码）</source>
      <translation>The appointment holder's ID number is invalid (must be an ID card number or a unified social credit code)</translation>
    </message>
    <message>
      <source>预约时段 {start}-{end} 已过，请重新取号</source>
      <translation>The appointment slot {start}-{end} has passed. Please take a new ticket.</translation>
    </message>
    <message>
      <source>预约时段结束时间应晚于开始时间</source>
      <translation>The appointment slot must end after it starts</translation>
    </message>
    <message>
      <source>预约时段缺少时区</source>
      <translation>The appointment slot has no time zone</translation>
    </message>
    <message>
      <source>预约码应为1至200个字符，业务类别为1至2位字母</source>
      <translation>The appointment code must be 1 to 200 characters and the type of business 1 or 2 letters</translation>
    </message>
    <message>
      <source>预约码格式不正确，请核对后重新输入</source>
      <translation>The appointment code is not valid; please check it and enter it again</translation>
    </message>
    <message>
      <source>预警天数不能为负数</source>
      <translation>The warning days cannot be negative</translation>
    </message>
    <message>
      <source>领取完成，请取走取件凭条</source>
      <translation>Done; please take your pickup slip</translation>
    </message>
    <message>
      <source>首席代表</source>
      <translation>Chief representative</translation>
    </message>
  </context>
</TS>
