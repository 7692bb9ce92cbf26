<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
  <context>
    <name>Errors</name>
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
      <source>{file} 正忙（被其他程序占用），请稍后重试。</source>
      <translation>{file} is busy (used by another program). Please try again later.</translation>
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
      <source>{path}：没有事项文件（items/*.json）</source>
      <translation>{path}: there are no item files (items/*.json)</translation>
    </message>
    <message>
      <source>“{role}”岗位不能“{action}”</source>
      <translation>The role "{role}" cannot "{action}"</translation>
    </message>
    <message>
      <source>上次打印时程序中断，无法确认是否已打出，已重新排队打印</source>
      <translation>The program stopped during the last print, so it is not known whether it came out. It has been queued again.</translation>
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
      <source>事件内容超过单批 1 MB 上限，无法上传</source>
      <translation>The event is larger than the 1 MB batch limit and cannot be uploaded</translation>
    </message>
    <message>
      <source>事件格式错误，无法上传</source>
      <translation>The event is malformed and cannot be uploaded</translation>
    </message>
    <message>
      <source>前置机下发的 {stream} 数据有误，未写入</source>
      <translation>The {stream} data sent by the gateway is wrong and was not saved</translation>
    </message>
    <message>
      <source>前置机内部错误（{status}）</source>
      <translation>Internal error on the gateway ({status})</translation>
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
      <source>前置机未返回该事件的结果</source>
      <translation>The gateway did not return a result for this event</translation>
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
      <source>办件当前状态为“{state_label}”，不能“{action}”</source>
      <translation>The application is "{state_label}" and cannot be "{action}"</translation>
    </message>
    <message>
      <source>同步出错，稍后自动重试</source>
      <translation>Synchronisation failed; it will be retried automatically</translation>
    </message>
    <message>
      <source>平台返回的身份信息不完整，请到窗口办理</source>
      <translation>The identity returned by the platform is incomplete. Please go to a service window.</translation>
    </message>
    <message>
      <source>快照中的 {stream}/{row_id} 无法建立检索</source>
      <translation>{stream}/{row_id} in the snapshot cannot be indexed for search</translation>
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
      <source>打印任务缺少标题</source>
      <translation>The print job has no title</translation>
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
      <source>打印程序出错，请联系运维人员；可改用其他打印机重新打印</source>
      <translation>The printing program failed. Please contact support; you can print again on another printer.</translation>
    </message>
    <message>
      <source>找不到该打印任务</source>
      <translation>Print job not found</translation>
    </message>
    <message>
      <source>拼音词库缺失或损坏: {path} ({exc})</source>
      <translation>The pinyin dictionary is missing or damaged: {path} ({exc})</translation>
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
      <source>政务服务平台暂时无法处理，请稍后再试</source>
      <translation>The government service platform cannot handle this right now. Please try again later.</translation>
    </message>
    <message>
      <source>政务服务平台的应答无法识别，请稍后再试</source>
      <translation>The government service platform's answer cannot be read. Please try again later.</translation>
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
      <source>无法读取演示账号文件 {path}：{strerror}</source>
      <translation>Cannot read the demo accounts file {path}: {strerror}</translation>
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
      <source>无法锁定数据目录 {data_dir}：{strerror}</source>
      <translation>Cannot lock the data folder {data_dir}: {strerror}</translation>
    </message>
    <message>
      <source>未配置前置机地址（[gateway] url）</source>
      <translation>No gateway address is configured ([gateway] url)</translation>
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
      <source>本大厅没有这个办件编号</source>
      <translation>This hall has no application with this number</translation>
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
      <source>本机没有这个办件</source>
      <translation>This application is not on this computer</translation>
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
      <source>本终端的注册信息已损坏，请工作人员重新注册</source>
      <translation>This terminal's enrolment data is damaged. Staff, please enrol it again.</translation>
    </message>
    <message>
      <source>没有待确认的取件</source>
      <translation>There is no pickup waiting for confirmation</translation>
    </message>
    <message>
      <source>注册码无效</source>
      <translation>Invalid enrolment code</translation>
    </message>
    <message>
      <source>注册码格式不正确，请核对后重新输入</source>
      <translation>The enrolment code is not in the right format. Please check it and enter it again.</translation>
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
      <source>磁盘已满，无法写入 {file}。请通知工作人员清理终端磁盘。</source>
      <translation>The disk is full; {file} cannot be written. Please ask staff to free up space on the terminal.</translation>
    </message>
    <message>
      <source>窗口号或排队号格式不正确</source>
      <translation>The window number or ticket number is not in the right format</translation>
    </message>
    <message>
      <source>网络中断，暂时无法预约签到，请到服务台由工作人员办理</source>
      <translation>The network is down, so appointment check-in is not possible right now. Please ask staff at the service desk.</translation>
    </message>
    <message>
      <source>该事项不支持此出件方式</source>
      <translation>This service does not offer this way of delivering the result</translation>
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
      <source>该码仅限联网核验，终端暂时无法连接平台，请稍后再试或到窗口办理</source>
      <translation>This code can only be checked online and the terminal cannot reach the platform right now. Please try again later or go to a service window.</translation>
    </message>
    <message>
      <source>该码未授权填表信息，无法自助申请。请在手机上允许“表单预填”后重新出示，或到窗口办理</source>
      <translation>This code does not allow form pre-fill, so self-service application is not possible. Allow "form pre-fill" on your phone and show the code again, or go to a service window.</translation>
    </message>
    <message>
      <source>该结果已被领取，不能重复领取，请联系窗口工作人员</source>
      <translation>This result has already been collected and cannot be collected again. Please contact the window staff.</translation>
    </message>
    <message>
      <source>请选择业务类别</source>
      <translation>Please choose a type of business</translation>
    </message>
  </context>
</TS>
