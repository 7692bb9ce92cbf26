<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
  <context>
    <name>Errors</name>
    <message>
      <source>{area}的取号时段 {start}-{end} 结束时间应晚于开始时间</source>
      <translation>In the ticket hours of {area}, {start}-{end}, the end must be later than the start</translation>
    </message>
    <message>
      <source>{area}（{prefix}）取号时间为 {hours_text}，现在不在取号时间内</source>
      <translation>Tickets for {area} ({prefix}) are issued {hours_text}; it is outside those hours now.</translation>
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
      <source>{path}：{message}</source>
      <translation>{path}: {message}</translation>
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
      <source>“{role}”岗位不能“{action}”</source>
      <translation>The role "{role}" cannot "{action}"</translation>
    </message>
    <message>
      <source>“{role}”的决定只能由审批系统作出，终端不能提交</source>
      <translation>The decision "{role}" can only be made by the approval system, not submitted from a terminal</translation>
    </message>
    <message>
      <source>不支持的操作：{action}</source>
      <translation>Unsupported operation: {action}</translation>
    </message>
    <message>
      <source>与数据库 {where} 的连接中断（{problem}），请稍后重试</source>
      <translation>The connection to the database {where} was lost ({problem}). Please try again later.</translation>
    </message>
    <message>
      <source>业务类别前缀重复</source>
      <translation>Duplicate type-of-business prefix</translation>
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
      <source>事件序号已被另一事件使用，请联系技术支持</source>
      <translation>The event sequence number is already used by another event. Please contact technical support.</translation>
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
      <source>出件方式无效</source>
      <translation>Invalid way of delivering the result</translation>
    </message>
    <message>
      <source>前置机不支持此类事件（{kind}）</source>
      <translation>The gateway does not support this kind of event ({kind})</translation>
    </message>
    <message>
      <source>前置机处理出错，稍后自动重试</source>
      <translation>The gateway failed to process this; it will be retried automatically</translation>
    </message>
    <message>
      <source>前置机未找到可嵌入的中文字体，无法制作结果文书，请安装 fonts-wqy-microhei</source>
      <translation>The gateway found no embeddable Chinese font and cannot make result documents. Please install fonts-wqy-microhei.</translation>
    </message>
    <message>
      <source>前置机版本较旧，尚不支持该事件格式，升级后自动处理</source>
      <translation>The gateway is older and does not support this event format yet; it will be processed after the upgrade</translation>
    </message>
    <message>
      <source>前置机繁忙，请稍后重试</source>
      <translation>The gateway is busy. Please try again later.</translation>
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
      <source>办件当前状态为“{state}”，没有待领取的结果</source>
      <translation>The application is "{state}"; there is no result waiting to be collected</translation>
    </message>
    <message>
      <source>办件编号不存在</source>
      <translation>No application with this number</translation>
    </message>
    <message>
      <source>单批事件超过 1 MB，请分批发送</source>
      <translation>The event batch is over 1 MB. Please send it in smaller batches.</translation>
    </message>
    <message>
      <source>取件记录不存在</source>
      <translation>No such pickup record</translation>
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
      <source>多个工作进程需要共享的 PostgreSQL 数据库（--db postgresql://主机/库名）；SQLite 数据库只能由一个进程使用</source>
      <translation>Several worker processes need a shared PostgreSQL database (--db postgresql://host/dbname); an SQLite database can be used by one process only</translation>
    </message>
    <message>
      <source>帮办请求编号冲突，请重新呼叫</source>
      <translation>The help request number clashes. Please call again.</translation>
    </message>
    <message>
      <source>平台上没有这个办件</source>
      <translation>The platform has no such application</translation>
    </message>
    <message>
      <source>当前没有等候的人</source>
      <translation>Nobody is waiting at the moment</translation>
    </message>
    <message>
      <source>快照已更新，请重新获取快照目录</source>
      <translation>The snapshot has been updated. Please fetch the snapshot index again.</translation>
    </message>
    <message>
      <source>排队号 {number} 格式不正确</source>
      <translation>Ticket number {number} is not in the right format</translation>
    </message>
    <message>
      <source>提交的办件状态无效</source>
      <translation>The submitted application state is invalid</translation>
    </message>
    <message>
      <source>操作“{action}”与目标状态不一致</source>
      <translation>The operation "{action}" does not match the target state</translation>
    </message>
    <message>
      <source>操作人标识不能使用身份证号码或手机号码</source>
      <translation>An operator ID must not be an ID card number or a mobile number</translation>
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
      <source>无法连接数据库 {where}：{exc}</source>
      <translation>Cannot connect to the database {where}: {exc}</translation>
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
      <source>材料清单与附件不一致</source>
      <translation>The list of materials does not match the attachments</translation>
    </message>
    <message>
      <source>此终端已被停用，请联系管理员重新注册</source>
      <translation>This terminal has been disabled. Please contact the administrator to enrol it again.</translation>
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
      <source>注册码已被使用，请向管理员申请新的注册码</source>
      <translation>This enrolment code has already been used. Please ask the administrator for a new one.</translation>
    </message>
    <message>
      <source>注册码已过期，请向管理员申请新的注册码</source>
      <translation>This enrolment code has expired. Please ask the administrator for a new one.</translation>
    </message>
    <message>
      <source>注册码无效，请向管理员核对</source>
      <translation>Invalid enrolment code. Please check it with the administrator.</translation>
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
      <source>离线号段不属于本终端</source>
      <translation>The offline number block does not belong to this terminal</translation>
    </message>
    <message>
      <source>离线号码的取号日期与号段日期不符</source>
      <translation>The offline ticket's date does not match the date of its number block</translation>
    </message>
    <message>
      <source>窗口办结须经办人和首席代表两人签批</source>
      <translation>Concluding at the window needs two signatures: the clerk and the chief representative</translation>
    </message>
    <message>
      <source>窗口无否决权：不予受理须经首席代表审核同意</source>
      <translation>The window cannot refuse on its own: a rejection needs the chief representative's approval</translation>
    </message>
    <message>
      <source>第 {n} 个{what}“{name}”的数据不符合规则</source>
      <translation>The data of {what} no. {n} "{name}" breaks the rules</translation>
    </message>
    <message>
      <source>等待前序事件处理完成</source>
      <translation>Waiting for earlier events to be processed</translation>
    </message>
    <message>
      <source>管理令牌无效</source>
      <translation>Invalid admin token</translation>
    </message>
    <message>
      <source>管理接口未启用</source>
      <translation>The admin interface is not enabled</translation>
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
      <source>结束日期不能早于开始日期</source>
      <translation>The end date cannot be before the start date</translation>
    </message>
    <message>
      <source>统计区间不能超过一年</source>
      <translation>The reporting period cannot be longer than one year</translation>
    </message>
    <message>
      <source>自助终端只能以申请人身份操作</source>
      <translation>A self-service terminal can only act as the applicant</translation>
    </message>
    <message>
      <source>评价编号不能为空</source>
      <translation>The evaluation number cannot be empty</translation>
    </message>
    <message>
      <source>该事项不支持{method}出件</source>
      <translation>This service does not offer delivery by {method}</translation>
    </message>
    <message>
      <source>该事项不能在窗口直接办结，请推送后台审批</source>
      <translation>This service cannot be concluded at the window. Please send it for back-office approval.</translation>
    </message>
    <message>
      <source>该事项已停止办理</source>
      <translation>This service is no longer offered</translation>
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
      <source>该请求已由{clerk}（{window}号窗口）响应</source>
      <translation>This request was already answered by {clerk} (window {window})</translation>
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
      <source>请写明撤回原因</source>
      <translation>Please give the reason for withdrawing</translation>
    </message>
    <message>
      <source>请写明理由，并告知申请人依法申请行政复议或者提起行政诉讼的权利</source>
      <translation>Please give the reason and tell the applicant of their right to apply for administrative reconsideration or to bring an administrative lawsuit</translation>
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
      <source>请记录投诉的具体内容</source>
      <translation>Please record what the complaint is about</translation>
    </message>
    <message>
      <source>请选择放入结果的智能文件柜柜格</source>
      <translation>Please choose the locker compartment for the result</translation>
    </message>
    <message>
      <source>重复的请求已被拒绝</source>
      <translation>A repeated request was refused</translation>
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
      <source>预约码应为1至200个字符，业务类别为1至2位字母</source>
      <translation>The appointment code must be 1 to 200 characters and the type of business 1 or 2 letters</translation>
    </message>
  </context>
</TS>
