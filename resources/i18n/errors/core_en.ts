<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
  <context>
    <name>Errors</name>
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
      <source>不予办理</source>
      <translation>Denied</translation>
    </message>
    <message>
      <source>不予受理</source>
      <translation>Not accepted</translation>
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
      <source>业务类别前缀应为1至2位大写字母</source>
      <translation>The service prefix must be 1 or 2 capital letters</translation>
    </message>
    <message>
      <source>个人</source>
      <translation>Individuals</translation>
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
      <source>关联办件</source>
      <translation>Link a case</translation>
    </message>
    <message>
      <source>关闭差评须由首席代表或管理员审核</source>
      <translation>Closing a bad review needs a chief representative or an administrator</translation>
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
      <source>出具一次性告知书</source>
      <translation>Issue a one-time notice of corrections</translation>
    </message>
    <message>
      <source>创建办件</source>
      <translation>Open a case</translation>
    </message>
    <message>
      <source>剩余{days}个工作日</source>
      <translation>{days} working days left</translation>
    </message>
    <message>
      <source>办件已有正式编号，不能更改</source>
      <translation>The case already has an official number; it cannot be changed</translation>
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
      <source>办件流水号应为正整数</source>
      <translation>The case serial must be a positive whole number</translation>
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
      <source>原密码不正确</source>
      <translation>The current password is wrong</translation>
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
      <source>叫号</source>
      <translation>Call</translation>
    </message>
    <message>
      <source>叫号须注明窗口号和工作人员</source>
      <translation>Calling a number needs the window number and the clerk</translation>
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
      <source>尚未完成受理</source>
      <translation>The acceptance is not finished yet</translation>
    </message>
    <message>
      <source>尚未录入申请人</source>
      <translation>No applicant entered yet</translation>
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
      <source>差评当前状态为“{state}”，不能{action}</source>
      <translation>The bad review is “{state}”; “{action}” is not possible now</translation>
    </message>
    <message>
      <source>差评整改已{state}，不能关闭</source>
      <translation>The bad review follow-up is already “{state}” and cannot be closed</translation>
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
      <source>平台</source>
      <translation>Platform</translation>
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
      <source>您有多件办理结果待领取，请选择要领取的结果</source>
      <translation>Several results are waiting for you; please choose the one to collect</translation>
    </message>
    <message>
      <source>您没有“{role}”岗位权限</source>
      <translation>You do not hold the role “{role}”</translation>
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
      <source>扫码内容含有无法识别的字符，请重新扫码</source>
      <translation>The scanned code contains unreadable characters; please scan again</translation>
    </message>
    <message>
      <source>扫码内容过长，无法识别，请确认扫描的是办事二维码</source>
      <translation>The scanned code is too long to read; please make sure you scan a service QR code</translation>
    </message>
    <message>
      <source>挂起</source>
      <translation>Suspend</translation>
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
      <source>推送后台审批</source>
      <translation>Send for back-office review</translation>
    </message>
    <message>
      <source>撤回申请</source>
      <translation>Withdraw the application</translation>
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
      <source>救济途径须告知申请人申请行政复议和提起行政诉讼的权利及期限</source>
      <translation>The means of redress must tell the applicant of their right to administrative review and to an administrative lawsuit, and the time limits</translation>
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
      <source>新密码不能与原密码相同</source>
      <translation>The new password must differ from the current one</translation>
    </message>
    <message>
      <source>无法识别该码的签发密钥，请刷新手机上的码；如仍不行请到窗口办理</source>
      <translation>The code was signed with an unknown key; please refresh the code on your phone. If it still fails, please go to a service window</translation>
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
      <source>是否采用告知承诺方式由申请人自主决定，请先征得申请人同意</source>
      <translation>Notification and commitment is the applicant's own choice; please ask for their consent first</translation>
    </message>
    <message>
      <source>未识别到有效内容，请重新扫码</source>
      <translation>Nothing readable was found; please scan again</translation>
    </message>
    <message>
      <source>本次收件已完成，不能再修改</source>
      <translation>This application has been taken in and can no longer be changed</translation>
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
      <source>正在打印办理结果，请稍候</source>
      <translation>Printing your result, please wait</translation>
    </message>
    <message>
      <source>正式办件编号格式不正确</source>
      <translation>The official case number is not in the right format</translation>
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
      <source>法人</source>
      <translation>Businesses</translation>
    </message>
    <message>
      <source>满意</source>
      <translation>Satisfied</translation>
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
      <source>窗口办结</source>
      <translation>Conclude at the window</translation>
    </message>
    <message>
      <source>窗口办结须经办人和首席代表两人签批</source>
      <translation>Concluding at the window needs two signatures: the clerk's and the chief representative's</translation>
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
      <source>等候中</source>
      <translation>Waiting</translation>
    </message>
    <message>
      <source>管理员</source>
      <translation>Administrator</translation>
    </message>
    <message>
      <source>终端编号只能由字母、数字和连字符组成</source>
      <translation>The terminal ID may contain only letters, digits and hyphens</translation>
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
      <source>综合受理</source>
      <translation>Front desk</translation>
    </message>
    <message>
      <source>缺少经办人</source>
      <translation>The clerk handling it is missing</translation>
    </message>
    <message>
      <source>联系电话应为11位手机号码或带区号的固定电话</source>
      <translation>The phone number must be an 11-digit mobile number or a landline with area code</translation>
    </message>
    <message>
      <source>自助终端无法收取纸质材料，请到窗口提交</source>
      <translation>The self-service terminal cannot take paper materials; please hand them in at a window</translation>
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
      <source>评价须对应办件编号或排队号</source>
      <translation>A rating needs a case number or a ticket number</translation>
    </message>
    <message>
      <source>该事项不在本大厅办理</source>
      <translation>This service is not handled in this hall</translation>
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
      <source>该排队号已评价</source>
      <translation>This ticket has already been rated</translation>
    </message>
    <message>
      <source>该材料不属于所选办理情形</source>
      <translation>This material is not part of the chosen situation</translation>
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
      <source>该结果已被领取，如有疑问请呼叫帮办或到窗口咨询</source>
      <translation>This result has already been collected. If you have questions, please call for assistance or ask at a service window</translation>
    </message>
    <message>
      <source>该账号已存在</source>
      <translation>This account already exists</translation>
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
      <source>请填写办理结果文书编号</source>
      <translation>Please enter the number of the result document</translation>
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
      <source>请填写整改措施</source>
      <translation>Please enter the measures taken</translation>
    </message>
    <message>
      <source>请填写行政复议机关和管辖法院</source>
      <translation>Please enter the administrative review body and the competent court</translation>
    </message>
    <message>
      <source>请扫描居民码，或输入取件码和身份证号码后4位</source>
      <translation>Please scan your Resident Code, or enter the pickup code and the last 4 characters of your ID number</translation>
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
      <source>请输入身份证号码最后4位</source>
      <translation>Please enter the last 4 characters of your ID number</translation>
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
      <source>这不是电子证照标识：应以 1.2.156.3005.2 开头</source>
      <translation>This is not an e-licence identifier: it must start with 1.2.156.3005.2</translation>
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
      <source>重呼</source>
      <translation>Recall</translation>
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
      <source>非常不满意</source>
      <translation>Very dissatisfied</translation>
    </message>
    <message>
      <source>非常满意</source>
      <translation>Very satisfied</translation>
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
