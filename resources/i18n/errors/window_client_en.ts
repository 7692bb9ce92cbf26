<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
  <context>
    <name>Errors</name>
    <message>
      <source>EMS运单号校验位不正确，请核对后重新输入</source>
      <translation>The EMS tracking number's check digit is wrong; please check it and enter it again</translation>
    </message>
    <message>
      <source>EMS运单号格式不正确：应为13位数字，或如 EA123456785CN 的国际格式</source>
      <translation>The EMS tracking number is not valid: it must be 13 digits, or the international form such as EA123456785CN</translation>
    </message>
    <message>
      <source>办件尚未取得正式编号，请等待同步完成后再转自助取件</source>
      <translation>The case has no official number yet; please wait for sync to finish before handing it to self-service pickup</translation>
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
      <source>所选事项已不在事项清单中</source>
      <translation>The chosen service item is no longer in the catalog</translation>
    </message>
    <message>
      <source>所选办件没有纸质材料需要移交 (电子证照和共享数据随办件推送)</source>
      <translation>The chosen cases have no paper materials to hand over (e-licences and shared data travel with the case)</translation>
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
      <source>无法写入导出文件：{error}</source>
      <translation>Cannot write the export file: {error}</translation>
    </message>
    <message>
      <source>无法读取该文件, 请确认文件存在且未被占用</source>
      <translation>Cannot read the file; please make sure it exists and is not in use</translation>
    </message>
    <message>
      <source>未安装 espeak-ng，无法语音叫号</source>
      <translation>espeak-ng is not installed, so calls cannot be announced by voice</translation>
    </message>
    <message>
      <source>未连接前置机：自助取件码须由前置机签发，请联网后再试</source>
      <translation>Not connected to the hall gateway: self-service pickup codes are issued by the gateway; please try again when online</translation>
    </message>
    <message>
      <source>本大厅没有这个办件编号</source>
      <translation>This hall has no case with this number</translation>
    </message>
    <message>
      <source>本机不能保存签名图像，请改用纸质签收单签字</source>
      <translation>This machine cannot store signature images; please sign the paper receipt instead</translation>
    </message>
    <message>
      <source>本机没有这个办件</source>
      <translation>This case is not on this machine</translation>
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
      <source>登录时未填写窗口号, 不能叫号</source>
      <translation>No window number was given at login, so tickets cannot be called</translation>
    </message>
    <message>
      <source>窗口办结须经办人和首席代表两人签批：请首席代表输入账号和密码</source>
      <translation>Concluding at the window needs two signatures, the clerk's and the chief representative's: chief representative, please enter your account and password</translation>
    </message>
    <message>
      <source>窗口领取须由领取人签收</source>
      <translation>Collection at the window must be signed for by the recipient</translation>
    </message>
    <message>
      <source>答复摘要不能超过{limit}字, 请精简</source>
      <translation>The answer summary cannot be longer than {limit} characters; please shorten it</translation>
    </message>
    <message>
      <source>自助取件请使用“转自助取件”</source>
      <translation>For self-service pickup, please use "Hand over to self-service pickup"</translation>
    </message>
    <message>
      <source>该事项不支持此出件方式</source>
      <translation>This service item does not offer this delivery method</translation>
    </message>
    <message>
      <source>该办件已不在前台, 不能再补充扫描件</source>
      <translation>This case has left the front desk; scans can no longer be added</translation>
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
      <source>语音合成失败：{error}</source>
      <translation>Speech synthesis failed: {error}</translation>
    </message>
    <message>
      <source>语音合成没有产生声音</source>
      <translation>Speech synthesis produced no sound</translation>
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
      <source>请填写办理结果文书编号（证照编号或批准文号）</source>
      <translation>Please fill in the result document number (licence number or approval number)</translation>
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
      <source>请填写暂停服务的原因</source>
      <translation>Please fill in the reason for pausing service</translation>
    </message>
    <message>
      <source>请填写答复摘要</source>
      <translation>Please fill in the answer summary</translation>
    </message>
    <message>
      <source>请选择咨询的事项, 或填写咨询主题</source>
      <translation>Please choose the service item asked about, or fill in the topic</translation>
    </message>
    <message>
      <source>请领取人在签名板上签字，或确认已在纸质签收单签字</source>
      <translation>Please have the recipient sign on the signature pad, or confirm they have signed the paper receipt</translation>
    </message>
  </context>
</TS>
