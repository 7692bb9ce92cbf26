<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AcceptancePage</name>
    <message>
        <location filename="../../window_client/acceptance.py" line="106"/>
        <source>已核验</source>
        <translation>Checked</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="107"/>
        <location filename="../../window_client/acceptance.py" line="116"/>
        <source>缺少</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="108"/>
        <location filename="../../window_client/acceptance.py" line="117"/>
        <source>不符合要求</source>
        <translation>Defective</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="109"/>
        <location filename="../../window_client/acceptance.py" line="118"/>
        <source>不涉及</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="110"/>
        <source>待核验</source>
        <translation>To check</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="113"/>
        <source>纸质</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="114"/>
        <source>电子证照</source>
        <translation>E-licence</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="115"/>
        <source>共享数据</source>
        <translation>Shared data</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="121"/>
        <source>1 受理 → 受理凭证</source>
        <translation>1 Accept → receipt</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="122"/>
        <source>2 一次性告知 → 一次性告知书</source>
        <translation>2 Corrections → one-time notice</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="123"/>
        <source>3 容缺受理 → 容缺受理通知书</source>
        <translation>3 Accept pending → pending notice</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="124"/>
        <source>4 告知承诺 → 告知承诺书</source>
        <translation>4 Commitment → commitment letter</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="125"/>
        <source>5 不予受理 (须首席代表同意)</source>
        <translation>5 Reject (chief representative approves)</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="130"/>
        <source>已完成，文书已送打印；F9 接待下一位</source>
        <translation>Done: the paper has gone to the printer; F9 for the next applicant</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="131"/>
        <source>请搜索并选择要办理的事项</source>
        <translation>Search for and choose the service to apply for</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="132"/>
        <source>请选择办理情形</source>
        <translation>Choose the situation</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="133"/>
        <source>请扫描居民码/企业码，或录入申请人信息</source>
        <translation>Scan the Resident/Enterprise Code, or type in the applicant&apos;s details</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="134"/>
        <source>是否由代办人办理？本人办理请直接继续</source>
        <translation>Is an agent applying? If the applicant is here in person, just continue</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="135"/>
        <source>请核验材料</source>
        <translation>Check the materials</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="136"/>
        <source>材料已全部核验，请选择受理结果</source>
        <translation>All materials checked: choose the outcome</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="503"/>
        <source>办件编号: %1</source>
        <translation>Case number: %1</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="505"/>
        <source>临时编号: %1 (联网后由平台赋正式编号)</source>
        <translation>Provisional number: %1 (the platform assigns the official number once online)</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="517"/>
        <source>本终端未连接政务服务平台, 不能解析居民码/企业码; 请手工录入申请人</source>
        <translation>This terminal is not connected to the platform and cannot resolve Resident/Enterprise Codes; please type the applicant in</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="576"/>
        <source>本人办理</source>
        <translation>Applicant in person</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="579"/>
        <source>代办人: %1 (%2), 授权: %3</source>
        <translation>Agent: %1 (%2), authorisation: %3</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="619"/>
        <source>“%1”不符合要求的原因, Enter 确认, Esc 取消</source>
        <translation>Why “%1” is defective; Enter confirms, Esc cancels</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="640"/>
        <source>不能选择“%1”: %2</source>
        <translation>“%1” is not available: %2</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="650"/>
        <source>请填写申请人签署的告知承诺书编号, Enter 确认</source>
        <translation>Enter the number of the notification and commitment letter the applicant signed, then press Enter</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="721"/>
        <source>%1 (可手工录入申请人)</source>
        <translation>%1 (you can type the applicant in)</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="733"/>
        <source>居民码/企业码</source>
        <translation>Resident/Enterprise Code</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="733"/>
        <source>手工录入</source>
        <translation>typed in</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="736"/>
        <source>%1 · %2 · 来源: %3 · 电子证照免提交 %4 项</source>
        <translation>%1 · %2 · source: %3 · %4 materials covered by e-licences</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="770"/>
        <source>容缺材料补齐期限默认为 %1 (%2 个工作日), 可修改后 Enter 确认</source>
        <translation>Minor materials are due by %1 (%2 working days); change it if needed and press Enter</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="781"/>
        <source>期限请按 2026-03-09 的格式填写</source>
        <translation>Write the date as 2026-03-09</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="785"/>
        <source>补齐期限应晚于今天</source>
        <translation>The deadline must be after today</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="798"/>
        <source>不予受理须写明理由和救济途径, 并由首席代表输入账号和密码确认</source>
        <translation>Non-acceptance needs the reason and the means of redress, confirmed by the chief representative&apos;s account and password</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="910"/>
        <source>办件 %1 已保存, 已送打印: %2; F9 接待下一位</source>
        <translation>Case %1 saved, sent to the printer: %2; F9 for the next applicant</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="939"/>
        <source>%1 · 共 %2 页 · 已送打印</source>
        <translation>%1 · %2 page(s) · sent to the printer</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="995"/>
        <source>请核验材料：%1</source>
        <translation>Check the material: %1</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1004"/>
        <source> (非必要)</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1024"/>
        <source>电子证照：%1</source>
        <translation>E-licence: %1</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1079"/>
        <source>请写明材料不符合要求的原因</source>
        <translation>Please state why the material is defective</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1120"/>
        <source>办理情形 (↑↓ Enter)</source>
        <translation>Situation (↑↓ Enter)</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1121"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1122"/>
        <source>扫描居民码/企业码, 或输入码后按 Enter</source>
        <translation>Scan the Resident/Enterprise Code, or type it and press Enter</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1123"/>
        <source>姓名/名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1124"/>
        <source>身份号码/信用代码</source>
        <translation>ID no. / credit code</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1125"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1126"/>
        <source>帮办代办</source>
        <translation>Assisted / proxy service</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1127"/>
        <source>本人办理 (Enter)</source>
        <translation>In person (Enter)</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1128"/>
        <source>代办人姓名</source>
        <translation>Agent&apos;s name</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1129"/>
        <source>代办人身份号码</source>
        <translation>Agent&apos;s ID number</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1130"/>
        <source>代办人电话</source>
        <translation>Agent&apos;s phone</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1131"/>
        <source>授权委托书编号</source>
        <translation>Authorisation no.</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1132"/>
        <source>登记代办人</source>
        <translation>Record agent</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1133"/>
        <source>材料核验</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1136"/>
        <source>P 纸质已核验 · S 共享数据 · M 缺少 · D 不符合要求 · N 不涉及 · Backspace 清除; 电子证照由居民码/企业码自动标记</source>
        <translation>P paper checked · S shared data · M missing · D defective · N not applicable · Backspace clears; e-licences are marked from the Resident/Enterprise Code</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1141"/>
        <source>材料</source>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1141"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1141"/>
        <source>方式</source>
        <translation>How</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1141"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1143"/>
        <source>受理结果 (数字键 1-5)</source>
        <translation>Outcome (keys 1-5)</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1147"/>
        <source>补正说明</source>
        <translation>Correction note</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1148"/>
        <source>容缺补齐期限</source>
        <translation>Minor materials due by</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1149"/>
        <source>告知承诺书编号</source>
        <translation>Commitment letter no.</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1150"/>
        <source>不予受理理由</source>
        <translation>Reason for non-acceptance</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1151"/>
        <source>救济途径</source>
        <translation>Means of redress</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1152"/>
        <source>首席代表账号</source>
        <translation>Chief representative&apos;s account</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1153"/>
        <source>首席代表密码</source>
        <translation>Chief representative&apos;s password</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1197"/>
        <source>受理凭证</source>
        <translation>Acceptance receipt</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1198"/>
        <source>一次性告知书</source>
        <translation>One-time notice of required corrections</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1199"/>
        <source>不予受理通知书</source>
        <translation>Notice of non-acceptance</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1200"/>
        <source>容缺受理通知书</source>
        <translation>Notice of acceptance pending minor materials</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1201"/>
        <source>告知承诺书</source>
        <translation>Notification and commitment letter</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1202"/>
        <source>材料移交清单</source>
        <translation>Handover list</translation>
    </message>
</context>
<context>
    <name>Announcer</name>
    <message>
        <location filename="../../window_client/display/voice.py" line="37"/>
        <source>无音频输出</source>
        <translation>no audio output</translation>
    </message>
    <message>
        <location filename="../../window_client/display/voice.py" line="38"/>
        <source>语音合成不可用（未安装 espeak-ng）</source>
        <translation>speech synthesis unavailable (espeak-ng not installed)</translation>
    </message>
    <message>
        <location filename="../../window_client/display/voice.py" line="39"/>
        <source>语音合成失败</source>
        <translation>speech synthesis failed</translation>
    </message>
</context>
<context>
    <name>ApplyScreen</name>
    <message>
        <location filename="../../kiosk/apply.py" line="342"/>
        <source>✓ %1 —— 电子证照“%2”免提交</source>
        <translation>✓ %1 — no paper needed: e-licence “%2”</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="346"/>
        <source>✗ %1 —— 本终端无高拍仪，请到窗口提交</source>
        <translation>✗ %1 — no document camera here; hand it in at a window</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="349"/>
        <source>○ %1 —— 非必需</source>
        <translation>○ %1 — optional</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="379"/>
        <source>请先选择办理情形</source>
        <translation>Please choose your situation first</translation>
    </message>
    <message>
        <source>事项：%1</source>
        <translation type="vanished">Service: %1</translation>
    </message>
    <message>
        <source>申请人：%1（%2）</source>
        <translation type="vanished">Applicant: %1 (%2)</translation>
    </message>
    <message>
        <source>联系电话：%1</source>
        <translation type="vanished">Phone: %1</translation>
    </message>
    <message>
        <source>结果领取：%1</source>
        <translation type="vanished">Result delivery: %1</translation>
    </message>
    <message>
        <source>需到窗口补交：%1</source>
        <translation type="vanished">Hand in at a window: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="447"/>
        <source>正在提交，请稍候…</source>
        <translation>Submitting, please wait…</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="468"/>
        <source>办件编号 %1</source>
        <translation>Case number %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="471"/>
        <source>申请已提交。正式编号将在平台受理后生成，可凭受理凭证二维码查询进度。</source>
        <translation>Submitted. The official number follows once the platform accepts it.</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="474"/>
        <source>网络中断，已保存，编号为临时编号 %1，恢复后自动提交</source>
        <translation>Network down: saved under provisional number %1 and sent automatically when the network is back</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="497"/>
        <source>%1 个%2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="496"/>
        <source>即时办结</source>
        <translation>Completed on the spot</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="397"/>
        <location filename="../../kiosk/apply.py" line="479"/>
        <source>事项</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="400"/>
        <location filename="../../kiosk/apply.py" line="480"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="400"/>
        <location filename="../../kiosk/apply.py" line="480"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="405"/>
        <location filename="../../kiosk/apply.py" line="482"/>
        <source>承诺时限</source>
        <translation>Promised time</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="406"/>
        <location filename="../../kiosk/apply.py" line="483"/>
        <source>结果领取</source>
        <translation>Result by</translation>
    </message>
    <message>
        <source>请取走受理凭证并妥善保管</source>
        <translation type="vanished">Take your acceptance receipt and keep it safe</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="490"/>
        <source>请携带以下材料到窗口补交：%1</source>
        <translation>Bring these materials to a service window: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="491"/>
        <source>接下来</source>
        <translation>What happens next</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="519"/>
        <source>正在打印受理凭证，请稍候…</source>
        <translation>Printing your acceptance receipt, please wait…</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="538"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="513"/>
        <source>受理凭证已打印，请取走凭证</source>
        <translation>Your acceptance receipt has been printed; please take it</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="59"/>
        <source>办结后凭短信取件码到24小时自助终端打印</source>
        <translation>When it is ready, print the result at a 24-hour self-service terminal with the pickup code sent by SMS</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="61"/>
        <source>办结后凭短信取件码到智能文件柜自取</source>
        <translation>When it is ready, collect the result from the smart locker with the pickup code sent by SMS</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="62"/>
        <source>办结后通过EMS免费寄递</source>
        <translation>When it is ready, the result is sent to you by EMS free of charge</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="63"/>
        <source>办结后电子证照推送至“爱山东”APP</source>
        <translation>When it is ready, the e-licence is sent to your &quot;爱山东&quot; (iShandong) app</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="64"/>
        <source>办结后凭本凭证到统一出件窗口领取</source>
        <translation>When it is ready, collect the result at the results window with this receipt</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="399"/>
        <source>办理情形</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="403"/>
        <source>电子证照免提交</source>
        <translation>E-licences</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="404"/>
        <source>需到窗口补交</source>
        <translation>Hand in at a window</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="409"/>
        <source>本机打印受理凭证，凭证上的二维码可查询办理进度</source>
        <translation>This kiosk prints an acceptance receipt; its QR code shows the progress</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="412"/>
        <source>提交后</source>
        <translation>After you submit</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="516"/>
        <source>打印机暂时无法打印（已通知工作人员）。申请已保存，凭证将由工作人员补打，请记下上方办件编号，也可稍后在“办件查询”中查询</source>
        <translation>The printer is not working (staff have been told). Your application is saved and staff will reprint the receipt; note the case number above, or look it up later under “Application status”</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="527"/>
        <source>自助申请</source>
        <translation>Self-service application</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="401"/>
        <location filename="../../kiosk/apply.py" line="528"/>
        <location filename="../../kiosk/apply.py" line="530"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="402"/>
        <location filename="../../kiosk/apply.py" line="529"/>
        <location filename="../../kiosk/apply.py" line="531"/>
        <source>联系地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="532"/>
        <source>下一步：核对信息</source>
        <translation>Next: check details</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="533"/>
        <source>返回修改</source>
        <translation>Back to edit</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="534"/>
        <source>请核对以下信息，确认无误后提交</source>
        <translation>Please check the details below, then submit</translation>
    </message>
    <message>
        <location filename="../../kiosk/apply.py" line="537"/>
        <source>确认提交</source>
        <translation>Submit</translation>
    </message>
</context>
<context>
    <name>AppointmentScreen</name>
    <message>
        <location filename="../../kiosk/appointment.py" line="306"/>
        <source>正在签到，请稍候…</source>
        <translation>Checking in, please wait…</translation>
    </message>
    <message>
        <location filename="../../kiosk/appointment.py" line="321"/>
        <source>正在查询您的预约，请稍候…</source>
        <translation>Looking up your appointment, please wait…</translation>
    </message>
    <message>
        <location filename="../../kiosk/appointment.py" line="379"/>
        <source>预约签到</source>
        <translation>Appointment check-in</translation>
    </message>
    <message>
        <location filename="../../kiosk/appointment.py" line="381"/>
        <source>您今天有多个预约，请选择要签到的预约</source>
        <translation>You have several appointments today; choose the one to check in for</translation>
    </message>
    <message>
        <location filename="../../kiosk/appointment.py" line="384"/>
        <source>请扫描预约二维码或居民码/企业码，或在下方输入预约短信中的预约码</source>
        <translation>Scan the appointment QR code or your Resident/Enterprise Code, or type the appointment code from the SMS below</translation>
    </message>
    <message>
        <location filename="../../kiosk/appointment.py" line="386"/>
        <source>%1  %2  预约码 %3</source>
        <translation>%1  %2  code %3</translation>
    </message>
    <message>
        <location filename="../../kiosk/appointment.py" line="388"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>AreasDialog</name>
    <message>
        <location filename="../../window_client/window.py" line="420"/>
        <source>更改本窗口业务区</source>
        <translation>Change this window&apos;s business areas</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../window_client/statistics.py" line="173"/>
        <source>暂无数据</source>
        <translation>No data</translation>
    </message>
</context>
<context>
    <name>BundleScreen</name>
    <message>
        <location filename="../../kiosk/guide.py" line="229"/>
        <source>即时办结</source>
        <translation>Completed on the spot</translation>
    </message>
    <message>
        <location filename="../../kiosk/guide.py" line="231"/>
        <source>%1 个%2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/guide.py" line="233"/>
        <source>牵头部门: %1</source>
        <translation>Lead department: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/guide.py" line="234"/>
        <source>承诺办结时限: %1</source>
        <translation>Promised time limit: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/guide.py" line="235"/>
        <source>一次告知、一表申请、一套材料、一窗受理</source>
        <translation>One notice, one form, one set of materials, one window</translation>
    </message>
    <message>
        <location filename="../../kiosk/guide.py" line="237"/>
        <source>包含的事项</source>
        <translation>Services included</translation>
    </message>
    <message>
        <location filename="../../kiosk/guide.py" line="240"/>
        <source>一套材料</source>
        <translation>One set of materials</translation>
    </message>
    <message>
        <location filename="../../kiosk/guide.py" line="244"/>
        <source>%1. %2 (%3 %4 份)</source>
        <translation>%1. %2 (%3, %4 cop(ies))</translation>
    </message>
    <message>
        <location filename="../../kiosk/guide.py" line="251"/>
        <source>可用电子证照免提交</source>
        <translation>No paper needed with e-licence</translation>
    </message>
    <message>
        <location filename="../../kiosk/guide.py" line="254"/>
        <source>办理地点和时间</source>
        <translation>Where and when</translation>
    </message>
    <message>
        <location filename="../../kiosk/guide.py" line="258"/>
        <source>地址: %1</source>
        <translation>Address: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/guide.py" line="259"/>
        <source>时间: %1</source>
        <translation>Hours: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/guide.py" line="260"/>
        <source>电话: %1</source>
        <translation>Phone: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/guide.py" line="270"/>
        <source>该一件事已不在目录中, 请返回重新查找</source>
        <translation>This service bundle is no longer in the catalogue. Please go back and search again.</translation>
    </message>
    <message>
        <location filename="../../kiosk/guide.py" line="273"/>
        <source>暂时无法读取一件事, 请稍后再试或呼叫工作人员</source>
        <translation>The service bundle cannot be read right now. Please try again later or ask staff for help.</translation>
    </message>
</context>
<context>
    <name>CaseProgress</name>
    <message>
        <location filename="../../kiosk/progress.py" line="52"/>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="53"/>
        <source>已收件</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="54"/>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="55"/>
        <source>容缺受理</source>
        <translation>Accepted pending minor materials</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="56"/>
        <source>告知承诺受理</source>
        <translation>Accepted on notification and commitment</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="57"/>
        <source>待补正</source>
        <translation>Corrections requested</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="58"/>
        <source>不予受理</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="59"/>
        <source>审查中</source>
        <translation>Under review</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="60"/>
        <source>准予办理</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="61"/>
        <source>不予办理</source>
        <translation>Denied</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="62"/>
        <source>待领取</source>
        <translation>Ready for collection</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="63"/>
        <source>已出件</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="64"/>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="66"/>
        <source>创建办件</source>
        <translation>Case opened</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="67"/>
        <source>收件</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="68"/>
        <source>补正后重新收件</source>
        <translation>Received again after corrections</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="69"/>
        <source>受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="70"/>
        <source>出具一次性告知书</source>
        <translation>One-time notice of required corrections issued</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="71"/>
        <source>补齐容缺材料</source>
        <translation>Minor materials supplied</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="72"/>
        <source>推送后台审批</source>
        <translation>Sent for back-office review</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="73"/>
        <source>窗口办结</source>
        <translation>Concluded at the window</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="74"/>
        <source>办理结果待领取</source>
        <translation>Result ready for collection</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="75"/>
        <source>出件</source>
        <translation>Result delivered</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="76"/>
        <source>撤回申请</source>
        <translation>Application withdrawn</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="77"/>
        <source>赋予正式办件编号</source>
        <translation>Official case number assigned</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="79"/>
        <source>请提交申请</source>
        <translation>Please submit the application</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="80"/>
        <source>等待窗口审查材料</source>
        <translation>Waiting for the window to check the materials</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="81"/>
        <source>请按一次性告知书补齐补正材料后再次提交</source>
        <translation>Supply the corrections listed in the one-time notice of required corrections, then submit again</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="82"/>
        <source>已受理，等待审批</source>
        <translation>Accepted, awaiting approval</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="83"/>
        <source>请在期限内补齐容缺材料</source>
        <translation>Please supply the minor materials by the deadline</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="84"/>
        <source>已受理，等待审批；审批后将核查承诺内容</source>
        <translation>Accepted, awaiting approval; what you committed to will be checked afterwards</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="85"/>
        <source>审批中，请耐心等待</source>
        <translation>Under review, please wait</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="86"/>
        <source>已准予办理，等待出件</source>
        <translation>Approved, result being prepared</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="87"/>
        <source>已作出不予办理决定，请领取决定书</source>
        <translation>Denied; please collect the written decision</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="88"/>
        <source>结果已可领取</source>
        <translation>Your result is ready for collection</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="89"/>
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="90"/>
        <source>已作出不予受理决定</source>
        <translation>Notice of non-acceptance issued</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="91"/>
        <source>申请已撤回</source>
        <translation>Application withdrawn</translation>
    </message>
</context>
<context>
    <name>CitizenServices</name>
    <message>
        <location filename="../../kiosk/citizen_parts.py" line="56"/>
        <source>系统繁忙，请稍后再试或呼叫工作人员</source>
        <translation>The system is busy. Please try again later or ask staff for help.</translation>
    </message>
</context>
<context>
    <name>CodeEntry</name>
    <message>
        <location filename="../../kiosk/citizen_parts.py" line="117"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <location filename="../../window_client/complaints.py" line="201"/>
        <source>差评与投诉：待办 %1 件，已超期 %2 件</source>
        <translation>Bad reviews and complaints: %1 open, %2 overdue</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="211"/>
        <location filename="../../window_client/complaints.py" line="230"/>
        <source>投诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="211"/>
        <source>差评★%1</source>
        <translation>Bad review ★%1</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="214"/>
        <source>（第%1轮）</source>
        <translation> (round %1)</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="216"/>
        <source>
整改期限 %1 · %2</source>
        <translation>
Rectify by %1 · %2</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="218"/>
        <source>
整改超期</source>
        <translation>
Rectified late</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="225"/>
        <source>没有差评或投诉。</source>
        <translation>No bad reviews or complaints.</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="229"/>
        <source>来源：%1（%2）</source>
        <translation>Source: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="230"/>
        <source>★%1</source>
        <translation>★%1</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="231"/>
        <source>对象：%1 %2</source>
        <translation>About: %1 %2</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="232"/>
        <source>原因：%1</source>
        <translation>Reasons: %1</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="233"/>
        <source>内容：%1</source>
        <translation>Content: %1</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="234"/>
        <source>联系电话：%1</source>
        <translation>Phone: %1</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="234"/>
        <source>未留</source>
        <translation>not given</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="235"/>
        <source>状态：%1 · 整改期限 %2 %3</source>
        <translation>State: %1 · rectify by %2 %3</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="253"/>
        <source>回访核实情况（Enter 记录回访）</source>
        <translation>What the call-back found (Enter records the call-back)</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="254"/>
        <source>整改措施（Enter 记录整改）</source>
        <translation>Measures taken (Enter records the rectification)</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="255"/>
        <source>评价人意见（认可或不认可）</source>
        <translation>Reviewer&apos;s verdict (satisfied or not)</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="302"/>
        <source>请至少勾选一项投诉原因</source>
        <translation>Tick at least one reason</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="306"/>
        <source>请记录投诉的具体内容</source>
        <translation>Record what the complaint is about</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="332"/>
        <source>投诉已登记，整改期限 %1</source>
        <translation>Complaint registered; rectify by %1</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="345"/>
        <source>已记录：%1</source>
        <translation>Recorded: %1</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="374"/>
        <source>差评与投诉</source>
        <translation>Bad reviews and complaints</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="375"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="376"/>
        <source>整改跟踪</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="377"/>
        <location filename="../../window_client/complaints.py" line="393"/>
        <source>登记投诉</source>
        <translation>Register complaint</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="378"/>
        <source>已联系上评价人</source>
        <translation>Reached the reviewer</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="379"/>
        <source>记录回访</source>
        <translation>Record call-back</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="380"/>
        <source>记录整改</source>
        <translation>Record rectification</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="381"/>
        <source>评价人认可</source>
        <translation>Reviewer satisfied</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="382"/>
        <source>不认可，重新整改</source>
        <translation>Not satisfied, rectify again</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="383"/>
        <source>关闭（首席代表）</source>
        <translation>Close (chief representative)</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="384"/>
        <source>电话投诉</source>
        <translation>By phone</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="385"/>
        <source>现场投诉</source>
        <translation>In person</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="388"/>
        <source>投诉方式</source>
        <translation>Taken by</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="388"/>
        <source>涉及办件/排队号</source>
        <translation>Case or ticket number</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="388"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="389"/>
        <source>投诉内容</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="389"/>
        <source>投诉原因</source>
        <translation>Reasons</translation>
    </message>
</context>
<context>
    <name>ConclusionPage</name>
    <message>
        <location filename="../../window_client/conclusion.py" line="264"/>
        <source>%1  %2
%3 · 申请人 %4</source>
        <translation>%1  %2
%3 · applicant %4</translation>
    </message>
    <message>
        <location filename="../../window_client/conclusion.py" line="267"/>
        <source>可窗口办结的办件（%1 件）</source>
        <translation>Cases that can be concluded at the window (%1)</translation>
    </message>
    <message>
        <location filename="../../window_client/conclusion.py" line="283"/>
        <source>没有可在窗口办结的办件（仅限已受理、可即办的事项）。</source>
        <translation>No case to conclude at the window (only accepted cases of services the hall may decide).</translation>
    </message>
    <message>
        <location filename="../../window_client/conclusion.py" line="288"/>
        <source>办件编号：%1</source>
        <translation>Case number: %1</translation>
    </message>
    <message>
        <location filename="../../window_client/conclusion.py" line="289"/>
        <source>事项：%1（%2）</source>
        <translation>Service: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../window_client/conclusion.py" line="290"/>
        <source>申请人：%1</source>
        <translation>Applicant: %1</translation>
    </message>
    <message>
        <location filename="../../window_client/conclusion.py" line="291"/>
        <source>办理结果：%1</source>
        <translation>Result: %1</translation>
    </message>
    <message>
        <location filename="../../window_client/conclusion.py" line="295"/>
        <source>材料齐全，符合法定形式，同意办理</source>
        <translation>Materials complete and in legal form; approved</translation>
    </message>
    <message>
        <location filename="../../window_client/conclusion.py" line="325"/>
        <source>%1 已窗口办结（首席代表 %2 签批），结果文书 %3 待出件。</source>
        <translation>%1 concluded at the window (signed by chief representative %2); result %3 awaits delivery.</translation>
    </message>
    <message>
        <location filename="../../window_client/conclusion.py" line="362"/>
        <source>可窗口办结的办件</source>
        <translation>Cases that can be concluded at the window</translation>
    </message>
    <message>
        <location filename="../../window_client/conclusion.py" line="363"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../window_client/conclusion.py" line="364"/>
        <source>最多签两次：经办人提出意见，首席代表当场输入本人账号和密码签批；同一人不能签两次。</source>
        <translation>At most two signatures: the clerk gives an opinion and the chief representative signs on the spot with their own account and password; one person cannot sign twice.</translation>
    </message>
    <message>
        <location filename="../../window_client/conclusion.py" line="368"/>
        <source>经办人意见</source>
        <translation>Clerk&apos;s opinion</translation>
    </message>
    <message>
        <location filename="../../window_client/conclusion.py" line="368"/>
        <source>结果文书编号</source>
        <translation>Result document number</translation>
    </message>
    <message>
        <location filename="../../window_client/conclusion.py" line="368"/>
        <source>首席代表账号</source>
        <translation>Chief representative&apos;s account</translation>
    </message>
    <message>
        <location filename="../../window_client/conclusion.py" line="369"/>
        <source>首席代表密码</source>
        <translation>Chief representative&apos;s password</translation>
    </message>
    <message>
        <location filename="../../window_client/conclusion.py" line="373"/>
        <source>证照编号或批准文号</source>
        <translation>Licence or approval number</translation>
    </message>
    <message>
        <location filename="../../window_client/conclusion.py" line="374"/>
        <source>签批办结 (Enter)</source>
        <translation>Sign and conclude (Enter)</translation>
    </message>
    <message>
        <location filename="../../window_client/conclusion.py" line="375"/>
        <source>去统一出件</source>
        <translation>Go to result issuing</translation>
    </message>
</context>
<context>
    <name>ConsultationPage</name>
    <message>
        <location filename="../../window_client/consultation.py" line="250"/>
        <source>咨询事项: %1</source>
        <translation>Enquiry about: %1</translation>
    </message>
    <message>
        <location filename="../../window_client/consultation.py" line="260"/>
        <location filename="../../window_client/consultation.py" line="318"/>
        <source>本窗口端没有本地数据库, 无法登记咨询</source>
        <translation>This counter client has no local database; consultations cannot be logged</translation>
    </message>
    <message>
        <location filename="../../window_client/consultation.py" line="283"/>
        <source>咨询已登记: %1</source>
        <translation>Consultation logged: %1</translation>
    </message>
    <message>
        <location filename="../../window_client/consultation.py" line="308"/>
        <source>解答咨询 (不生成办件)</source>
        <translation>Consultation (no case is opened)</translation>
    </message>
    <message>
        <location filename="../../window_client/consultation.py" line="309"/>
        <source>咨询主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../window_client/consultation.py" line="310"/>
        <source>答复摘要</source>
        <translation>Answer summary</translation>
    </message>
    <message>
        <location filename="../../window_client/consultation.py" line="311"/>
        <source>排队号</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../window_client/consultation.py" line="312"/>
        <source>在左侧检索事项后按 Enter, 或直接填写主题</source>
        <translation>Search the item on the left and press Enter, or type a topic</translation>
    </message>
    <message>
        <location filename="../../window_client/consultation.py" line="313"/>
        <source>答复要点 (不要填写身份证号、电话等个人信息)</source>
        <translation>Main points of the answer (no ID or phone numbers)</translation>
    </message>
    <message>
        <location filename="../../window_client/consultation.py" line="314"/>
        <source>正在办理的排队号 (可空)</source>
        <translation>Ticket being served (optional)</translation>
    </message>
    <message>
        <location filename="../../window_client/consultation.py" line="315"/>
        <source>登记 (Ctrl+Enter)</source>
        <translation>Log (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../window_client/consultation.py" line="316"/>
        <source>本次登录已登记的咨询</source>
        <translation>Consultations logged this session</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <location filename="../../widgets/idle.py" line="287"/>
        <source>您还在操作吗?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <location filename="../../widgets/idle.py" line="288"/>
        <source>%1 秒</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../../widgets/idle.py" line="290"/>
        <source>时间到后将返回首页，您输入和查询的信息会全部清除，以保护您的隐私。</source>
        <translation>When time runs out the terminal returns to the home screen and everything you entered or looked up is cleared, to protect your privacy.</translation>
    </message>
    <message>
        <source>时间到后将返回首页, 您输入和查询的信息会全部清除, 以保护您的隐私。</source>
        <translation type="vanished">When time runs out the terminal returns to the home screen and everything you entered or looked up is cleared, to protect your privacy.</translation>
    </message>
    <message>
        <location filename="../../widgets/idle.py" line="292"/>
        <source>还需要时间</source>
        <translation>I need more time</translation>
    </message>
</context>
<context>
    <name>DeadlinesPage</name>
    <message>
        <location filename="../../window_client/deadlines.py" line="235"/>
        <source>已超期 %1 件 · 今日到期 %2 件 · 即将到期 %3 件 · 待处理共 %4 件</source>
        <translation>Overdue %1 · due today %2 · due soon %3 · %4 waiting in all</translation>
    </message>
    <message>
        <location filename="../../window_client/deadlines.py" line="242"/>
        <location filename="../../window_client/deadlines.py" line="283"/>
        <source>有 %1 件收件今日到期或已超过 5 个工作日的补正时限, 请立即出具一次性告知书或受理决定</source>
        <translation>%1 received case(s) reach or have passed the 5-working-day correction limit: issue the one-time notice of required corrections or a decision now</translation>
    </message>
    <message>
        <location filename="../../window_client/deadlines.py" line="252"/>
        <source>已超期 %1 个工作日</source>
        <translation>Overdue by %1 working day(s)</translation>
    </message>
    <message>
        <location filename="../../window_client/deadlines.py" line="252"/>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../window_client/deadlines.py" line="254"/>
        <source>今日到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../window_client/deadlines.py" line="255"/>
        <source>剩余 %1 个工作日</source>
        <translation>%1 working day(s) left</translation>
    </message>
    <message>
        <location filename="../../window_client/deadlines.py" line="263"/>
        <source>补正时限提醒</source>
        <translation>Correction deadlines</translation>
    </message>
    <message>
        <location filename="../../window_client/deadlines.py" line="265"/>
        <source>收件后须在 5 个工作日内一次性告知需补正的全部材料 (按节假日和调休计算)</source>
        <translation>Everything to be corrected must be notified at once within 5 working days of receipt (holidays and make-up working days counted)</translation>
    </message>
    <message>
        <location filename="../../window_client/deadlines.py" line="268"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../window_client/deadlines.py" line="268"/>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../window_client/deadlines.py" line="268"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../window_client/deadlines.py" line="268"/>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../window_client/deadlines.py" line="269"/>
        <source>剩余</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../window_client/deadlines.py" line="271"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
</context>
<context>
    <name>DepartmentsScreen</name>
    <message>
        <location filename="../../kiosk/browse.py" line="260"/>
        <source>按部门查找</source>
        <translation>Find by department</translation>
    </message>
    <message>
        <location filename="../../kiosk/browse.py" line="268"/>
        <source>暂无部门信息</source>
        <translation>No departments listed yet</translation>
    </message>
    <message>
        <location filename="../../kiosk/browse.py" line="273"/>
        <source>%1  (%2 项)</source>
        <translation>%1  (%2 services)</translation>
    </message>
    <message>
        <location filename="../../kiosk/browse.py" line="281"/>
        <source>暂时无法读取事项目录, 请稍后再试或呼叫工作人员</source>
        <translation>The service catalogue cannot be read right now. Please try again later or ask staff for help.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../window_client/chrome.py" line="197"/>
        <source>出现了内部错误, 已记录日志; 请重试或联系管理员</source>
        <translation>An internal error occurred and was logged; please try again or contact the administrator</translation>
    </message>
</context>
<context>
    <name>Evaluation</name>
    <message>
        <location filename="../../kiosk/evaluation.py" line="70"/>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="71"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="72"/>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="73"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="74"/>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="79"/>
        <source>服务态度热情</source>
        <translation>Friendly staff</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="80"/>
        <source>办事效率高</source>
        <translation>Quick service</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="81"/>
        <source>一次性告知到位</source>
        <translation>Told everything at once</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="82"/>
        <source>办事指南准确清晰</source>
        <translation>Clear, accurate guide</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="83"/>
        <source>申请材料精简</source>
        <translation>Few documents needed</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="84"/>
        <source>办事流程便捷</source>
        <translation>Easy process</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="85"/>
        <source>不用跑腿或只跑一次</source>
        <translation>One visit or none</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="86"/>
        <source>帮办代办贴心</source>
        <translation>Helpful assisted service</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="87"/>
        <source>自助设备好用</source>
        <translation>Kiosk easy to use</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="88"/>
        <source>大厅环境舒适</source>
        <translation>Comfortable hall</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="89"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="90"/>
        <source>服务态度一般</source>
        <translation>Staff attitude average</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="91"/>
        <source>办理时间较长</source>
        <translation>Took rather long</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="92"/>
        <source>排队等候较久</source>
        <translation>Rather long wait</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="93"/>
        <source>办事指南不够清晰</source>
        <translation>Guide not clear enough</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="94"/>
        <source>材料要求较多</source>
        <translation>Many documents required</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="95"/>
        <source>自助设备操作不便</source>
        <translation>Kiosk hard to use</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="96"/>
        <source>服务态度差</source>
        <translation>Unfriendly staff</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="97"/>
        <source>办事效率低</source>
        <translation>Slow service</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="98"/>
        <source>排队等候时间过长</source>
        <translation>Waited too long</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="99"/>
        <source>超过承诺时限</source>
        <translation>Promised time exceeded</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="100"/>
        <source>未一次性告知</source>
        <translation>Not told everything at once</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="101"/>
        <source>要求提供办事指南以外的材料</source>
        <translation>Asked for documents not in the guide</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="102"/>
        <source>办事指南与实际不符</source>
        <translation>Guide differs from practice</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="103"/>
        <source>流程繁琐</source>
        <translation>Complicated process</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="104"/>
        <source>多次跑动</source>
        <translation>Had to come several times</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="105"/>
        <source>推诿扯皮</source>
        <translation>Passed from desk to desk</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="106"/>
        <source>业务不熟练</source>
        <translation>Staff not competent</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="107"/>
        <source>系统或设备故障</source>
        <translation>System or device failure</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="108"/>
        <source>收费不合理</source>
        <translation>Unreasonable fees</translation>
    </message>
</context>
<context>
    <name>EvaluationInvite</name>
    <message>
        <source>请对本次服务（%1）作出评价</source>
        <translation type="vanished">Please rate this service (%1)</translation>
    </message>
    <message>
        <source>请对本次服务作出评价</source>
        <translation type="vanished">Please rate this service</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="333"/>
        <source>请评价本次服务</source>
        <translation>Rate this service</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="338"/>
        <source>不评价</source>
        <translation>No rating</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="775"/>
        <source>取号</source>
        <translation>Queue ticket</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="776"/>
        <source>预约签到</source>
        <translation>Appointment check-in</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="777"/>
        <source>自助申请</source>
        <translation>Self-service application</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="778"/>
        <source>自助取件</source>
        <translation>Collect results</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="779"/>
        <source>办件查询</source>
        <translation>Application status</translation>
    </message>
</context>
<context>
    <name>EvaluationScreen</name>
    <message>
        <location filename="../../kiosk/evaluation.py" line="698"/>
        <source>请先选择满意程度</source>
        <translation>Please choose how satisfied you are first</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="717"/>
        <source>感谢您的评价！您反映的问题将由工作人员核实整改，5个工作日内反馈</source>
        <translation>Thank you! Staff will look into the problem and get back to you within 5 working days</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="718"/>
        <source>感谢您的评价！</source>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="733"/>
        <source>评价对象：排队号 %1</source>
        <translation>Rating: queue ticket %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="735"/>
        <source>评价对象：办件编号 %1</source>
        <translation>Rating: case %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="741"/>
        <source>请选择您对本次服务的满意程度</source>
        <translation>How satisfied are you with this service?</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="744"/>
        <source>请选择不满意的原因（至少一项，必选），也可在下方补充说明</source>
        <translation>Choose what went wrong (at least one, required); you may add a comment below</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="746"/>
        <source>可选择评价原因（可多选），也可在下方补充说明</source>
        <translation>You may choose reasons (several allowed) and add a comment below</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="754"/>
        <source>好差评</source>
        <translation>Service rating</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="756"/>
        <source>请扫描受理凭证、取号小票或取件凭条上的二维码，或输入办件编号、排队号</source>
        <translation>Scan the QR code on your receipt, queue ticket or pickup slip, or type the case or ticket number</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="761"/>
        <source>补充说明（选填；选择“其他”时必填）</source>
        <translation>Comment (optional; required with “Other”)</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="762"/>
        <source>提交评价</source>
        <translation>Submit rating</translation>
    </message>
    <message>
        <location filename="../../kiosk/evaluation.py" line="763"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>GuideScreen</name>
    <message>
        <location filename="../../kiosk/guide.py" line="105"/>
        <source>办事指南</source>
        <translation>Service guide</translation>
    </message>
    <message>
        <location filename="../../kiosk/guide.py" line="106"/>
        <source>白话版</source>
        <translation>Plain language</translation>
    </message>
    <message>
        <location filename="../../kiosk/guide.py" line="115"/>
        <source>已停止办理: %1</source>
        <translation>No longer offered: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/guide.py" line="123"/>
        <source>该事项已不在目录中, 请返回重新查找</source>
        <translation>This service is no longer in the catalogue. Please go back and search again.</translation>
    </message>
    <message>
        <location filename="../../kiosk/guide.py" line="126"/>
        <source>暂时无法读取办事指南, 请稍后再试或呼叫工作人员</source>
        <translation>The service guide cannot be read right now. Please try again later or ask staff for help.</translation>
    </message>
</context>
<context>
    <name>HallDisplayNotice</name>
    <message>
        <location filename="../../window_client/display/window.py" line="70"/>
        <source>请留意叫号，过号请到服务台重新取号；老年人、残疾人、孕期妇女、军人可走绿色通道优先办理；办事请携带身份证原件，可使用“爱山东”居民码免提交电子证照</source>
        <translation>Please listen for your number; if you miss it, take a new ticket at the service desk. Seniors, people with disabilities, pregnant women and military personnel may use the priority lane. Bring your original ID card; with the iShandong Resident Code, e-licences replace paper copies.</translation>
    </message>
</context>
<context>
    <name>HallDisplayWindow</name>
    <message>
        <location filename="../../window_client/display/window.py" line="59"/>
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../window_client/display/window.py" line="60"/>
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../window_client/display/window.py" line="61"/>
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../window_client/display/window.py" line="62"/>
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../window_client/display/window.py" line="63"/>
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../window_client/display/window.py" line="64"/>
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../window_client/display/window.py" line="65"/>
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../window_client/display/window.py" line="356"/>
        <source>请以下号码到窗口办理</source>
        <translation>Now serving</translation>
    </message>
    <message>
        <location filename="../../window_client/display/window.py" line="357"/>
        <source>各窗口办理中</source>
        <translation>At the windows</translation>
    </message>
    <message>
        <location filename="../../window_client/display/window.py" line="358"/>
        <source>等候人数</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../window_client/display/window.py" line="359"/>
        <source>最近叫号</source>
        <translation>Recent calls</translation>
    </message>
    <message>
        <location filename="../../window_client/display/window.py" line="377"/>
        <source>未连接前置机，正在重连：%1</source>
        <translation>Not connected to the hall gateway, reconnecting: %1</translation>
    </message>
    <message>
        <location filename="../../window_client/display/window.py" line="380"/>
        <source>未连接前置机，正在重连</source>
        <translation>Not connected to the hall gateway, reconnecting</translation>
    </message>
    <message>
        <location filename="../../window_client/display/window.py" line="383"/>
        <source>静默叫号：%1</source>
        <translation>Calls are not spoken: %1</translation>
    </message>
    <message>
        <location filename="../../window_client/display/window.py" line="385"/>
        <source>静默叫号：未配置语音</source>
        <translation>Calls are not spoken: no voice configured</translation>
    </message>
    <message>
        <location filename="../../window_client/display/window.py" line="386"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../window_client/display/window.py" line="399"/>
        <source>%1年%2月%3日 %4  %5</source>
        <translation>%4 %6  %5</translation>
    </message>
    <message>
        <location filename="../../window_client/display/window.py" line="416"/>
        <source>%1号窗口</source>
        <translation>Window %1</translation>
    </message>
    <message>
        <location filename="../../window_client/display/window.py" line="427"/>
        <source>重呼</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../../window_client/display/window.py" line="465"/>
        <source>暂停</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../window_client/display/window.py" line="477"/>
        <source>%1 人</source>
        <translation>%1</translation>
    </message>
</context>
<context>
    <name>HallMapScreen</name>
    <message>
        <location filename="../../kiosk/browse.py" line="424"/>
        <source>政务服务地图</source>
        <translation>Service map</translation>
    </message>
    <message>
        <location filename="../../kiosk/browse.py" line="432"/>
        <source>暂无服务网点信息</source>
        <translation>No service points listed yet</translation>
    </message>
    <message>
        <location filename="../../kiosk/browse.py" line="442"/>
        <source>您在这里</source>
        <translation>You are here</translation>
    </message>
    <message>
        <location filename="../../kiosk/browse.py" line="445"/>
        <source>约 %1 公里</source>
        <translation>About %1 km</translation>
    </message>
    <message>
        <location filename="../../kiosk/browse.py" line="458"/>
        <source>地址: %1</source>
        <translation>Address: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/browse.py" line="459"/>
        <source>时间: %1</source>
        <translation>Hours: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/browse.py" line="460"/>
        <source>电话: %1</source>
        <translation>Phone: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/browse.py" line="462"/>
        <source>交通: %1</source>
        <translation>Getting there: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/browse.py" line="466"/>
        <source>业务区: %1</source>
        <translation>Service areas: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/browse.py" line="467"/>
        <source>、</source>
        <comment>between the names of a list</comment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../kiosk/browse.py" line="476"/>
        <source>暂时无法读取服务网点, 请稍后再试或呼叫工作人员</source>
        <translation>Service points cannot be read right now. Please try again later or ask staff for help.</translation>
    </message>
</context>
<context>
    <name>HandoverPage</name>
    <message>
        <location filename="../../window_client/handover.py" line="346"/>
        <source>材料移交清单 %1 已送打印 (%2 件); Ctrl+Enter 推送后台</source>
        <translation>Handover list %1 sent to the printer (%2 case(s)); Ctrl+Enter forwards them</translation>
    </message>
    <message>
        <location filename="../../window_client/handover.py" line="354"/>
        <source>已推送后台 %1 件, 联网后同步到平台</source>
        <translation>%1 case(s) forwarded to the back office; they sync to the platform when online</translation>
    </message>
    <message>
        <location filename="../../window_client/handover.py" line="373"/>
        <source>%1 · %2 · %3 · 纸质材料 %4 件 → %5</source>
        <translation>%1 · %2 · %3 · %4 paper material(s) → %5</translation>
    </message>
    <message>
        <location filename="../../window_client/handover.py" line="387"/>
        <source>今日待推送后台的受理办件 %1 件 (空格勾选)</source>
        <translation>%1 accepted case(s) today waiting to be forwarded (Space ticks)</translation>
    </message>
    <message>
        <location filename="../../window_client/handover.py" line="389"/>
        <source>今日没有待推送后台的受理办件</source>
        <translation>No accepted cases waiting to be forwarded today</translation>
    </message>
    <message>
        <location filename="../../window_client/handover.py" line="405"/>
        <source>材料移交与推送后台</source>
        <translation>Material handover and forwarding</translation>
    </message>
    <message>
        <location filename="../../window_client/handover.py" line="406"/>
        <source>接收部门</source>
        <translation>Receiving department</translation>
    </message>
    <message>
        <location filename="../../window_client/handover.py" line="407"/>
        <source>移交清单编号</source>
        <translation>Handover list number</translation>
    </message>
    <message>
        <location filename="../../window_client/handover.py" line="408"/>
        <source>后台审批部门 (按所选办件自动填写)</source>
        <translation>Back-office department (filled in from the ticked cases)</translation>
    </message>
    <message>
        <location filename="../../window_client/handover.py" line="409"/>
        <source>打印清单后自动填写; 无纸质材料可空</source>
        <translation>Filled in after printing; may stay empty without paper materials</translation>
    </message>
    <message>
        <location filename="../../window_client/handover.py" line="410"/>
        <source>打印材料移交清单 (Ctrl+P)</source>
        <translation>Print handover list (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../window_client/handover.py" line="411"/>
        <source>推送后台 (Ctrl+Enter)</source>
        <translation>Forward to back office (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../window_client/handover.py" line="412"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <location filename="../../window_client/chrome.py" line="370"/>
        <source>一窗受理 · 窗口端</source>
        <translation>One-window acceptance · Counter client</translation>
    </message>
    <message>
        <location filename="../../window_client/chrome.py" line="371"/>
        <source>English</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../window_client/chrome.py" line="372"/>
        <source>退出登录</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../window_client/chrome.py" line="377"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../window_client/chrome.py" line="379"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../window_client/chrome.py" line="380"/>
        <source>%1 号窗口</source>
        <translation>Window %1</translation>
    </message>
    <message>
        <location filename="../../window_client/chrome.py" line="381"/>
        <source>未设置业务区</source>
        <translation>no business area set</translation>
    </message>
    <message>
        <location filename="../../window_client/chrome.py" line="382"/>
        <source>业务区: %1</source>
        <translation>Areas: %1</translation>
    </message>
    <message>
        <location filename="../../window_client/chrome.py" line="388"/>
        <source>未连接平台 (单机)</source>
        <translation>Not connected to the platform (standalone)</translation>
    </message>
    <message>
        <location filename="../../window_client/chrome.py" line="391"/>
        <source>终端未授权, 请联系管理员重新注册</source>
        <translation>Terminal not authorised; ask the administrator to enrol it again</translation>
    </message>
    <message>
        <location filename="../../window_client/chrome.py" line="395"/>
        <source>在线 · 待上传 %1 条</source>
        <translation>Online · %1 to send</translation>
    </message>
    <message>
        <location filename="../../window_client/chrome.py" line="397"/>
        <source>在线 · 已同步</source>
        <translation>Online · in sync</translation>
    </message>
    <message>
        <location filename="../../window_client/chrome.py" line="402"/>
        <source>离线 · 待上传 %1 条</source>
        <translation>Offline · %1 to send</translation>
    </message>
</context>
<context>
    <name>HelpButton</name>
    <message>
        <location filename="../../kiosk/help.py" line="403"/>
        <source>呼叫帮办</source>
        <translation>Call for help</translation>
    </message>
</context>
<context>
    <name>HelpPage</name>
    <message>
        <location filename="../../window_client/alerts.py" line="50"/>
        <source>咨询引导</source>
        <translation>General enquiries</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="51"/>
        <source>查找事项</source>
        <translation>Finding a service</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="52"/>
        <source>自助申办</source>
        <translation>Applying here</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="53"/>
        <source>自助取件</source>
        <translation>Result pickup</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="54"/>
        <source>设备故障</source>
        <translation>Device problem</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="55"/>
        <source>老年人帮办</source>
        <translation>Help for seniors</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="56"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="59"/>
        <source>小票打印机</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="60"/>
        <source>A4 打印机</source>
        <translation>A4 printer</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="61"/>
        <source>扫码器</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="62"/>
        <source>智能文件柜</source>
        <translation>Pickup lockers</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="63"/>
        <source>身份证阅读器</source>
        <translation>ID card reader</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="64"/>
        <source>平台网络</source>
        <translation>Platform link</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="68"/>
        <source>%1 号终端</source>
        <translation>Terminal %1</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="122"/>
        <source>正在连接前置机…</source>
        <translation>Connecting to the gateway…</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="124"/>
        <source>呼叫帮办</source>
        <translation>Help calls</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="130"/>
        <source>响应 (Enter)</source>
        <translation>Respond (Enter)</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="137"/>
        <source>设备告警</source>
        <translation>Device alerts</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="184"/>
        <location filename="../../window_client/alerts.py" line="197"/>
        <source>无法获取帮办请求（%1），稍后自动重试</source>
        <translation>Cannot fetch help calls (%1); retrying shortly</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="206"/>
        <source>已连接 · 更新于 %1</source>
        <translation>Connected · updated %1</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="226"/>
        <source>%1 · %2：%3（自 %4 起）</source>
        <translation>%1 · %2: %3 (since %4)</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="230"/>
        <source>所有自助终端设备正常</source>
        <translation>All self-service devices are working</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="234"/>
        <source>%1 呼叫帮办（%2），请前往协助</source>
        <translation>%1 is calling for help (%2); please go and assist</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="240"/>
        <source>%1  %2 · %3</source>
        <translation>%1  %2 · %3</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="245"/>
        <source> · 排队号 %1</source>
        <translation> · ticket %1</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="247"/>
        <source>  —  待响应</source>
        <translation>  —  waiting for a clerk</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="249"/>
        <source>  —  %1（%2号窗口）%3 已响应</source>
        <translation>  —  taken by %1 (window %2) at %3</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="279"/>
        <location filename="../../window_client/alerts.py" line="280"/>
        <source>已响应 %1 的帮办请求</source>
        <translation>Responded to the help call from %1</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="285"/>
        <source>响应失败</source>
        <translation>Could not respond</translation>
    </message>
</context>
<context>
    <name>HelpScreen</name>
    <message>
        <location filename="../../kiosk/help.py" line="51"/>
        <source>咨询引导</source>
        <translation>General enquiries</translation>
    </message>
    <message>
        <location filename="../../kiosk/help.py" line="52"/>
        <source>查找事项</source>
        <translation>Finding a service</translation>
    </message>
    <message>
        <location filename="../../kiosk/help.py" line="53"/>
        <source>自助申办</source>
        <translation>Applying here</translation>
    </message>
    <message>
        <location filename="../../kiosk/help.py" line="54"/>
        <source>自助取件</source>
        <translation>Result pickup</translation>
    </message>
    <message>
        <location filename="../../kiosk/help.py" line="55"/>
        <source>设备故障</source>
        <translation>Device problem</translation>
    </message>
    <message>
        <location filename="../../kiosk/help.py" line="56"/>
        <source>老年人帮办</source>
        <translation>Help for seniors</translation>
    </message>
    <message>
        <location filename="../../kiosk/help.py" line="57"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../kiosk/help.py" line="61"/>
        <source>网络中断，无法呼叫工作人员，请到服务台寻求帮助</source>
        <translation>The network is down and staff cannot be called; please go to the service desk</translation>
    </message>
    <message>
        <location filename="../../kiosk/help.py" line="321"/>
        <source>正在呼叫工作人员…</source>
        <translation>Calling staff…</translation>
    </message>
    <message>
        <location filename="../../kiosk/help.py" line="343"/>
        <source>已通知工作人员，工作人员马上过来</source>
        <translation>Staff have been called and are on their way</translation>
    </message>
    <message>
        <location filename="../../kiosk/help.py" line="347"/>
        <source>求助事项</source>
        <translation>Help with</translation>
    </message>
    <message>
        <location filename="../../kiosk/help.py" line="348"/>
        <source>呼叫时间</source>
        <translation>Called at</translation>
    </message>
    <message>
        <location filename="../../kiosk/help.py" line="349"/>
        <source>呼叫位置</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../kiosk/help.py" line="351"/>
        <source>接下来</source>
        <translation>What happens next</translation>
    </message>
    <message>
        <location filename="../../kiosk/help.py" line="352"/>
        <source>请在本机旁稍候，工作人员会到这里为您服务</source>
        <translation>Please wait by this kiosk; a member of staff will come to you here</translation>
    </message>
    <message>
        <location filename="../../kiosk/help.py" line="353"/>
        <source>您也可以先返回继续办理，呼叫不会取消</source>
        <translation>You may go back to what you were doing; the call stays open</translation>
    </message>
    <message>
        <location filename="../../kiosk/help.py" line="354"/>
        <source>等候较久仍无人到达，请到服务台或拨打12345</source>
        <translation>If nobody comes after a while, please go to the service desk or call 12345</translation>
    </message>
    <message>
        <location filename="../../kiosk/help.py" line="378"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>已通知工作人员，请在本机旁稍候，工作人员马上过来</source>
        <translation type="vanished">Staff have been called; please wait by this kiosk, someone is on the way</translation>
    </message>
    <message>
        <location filename="../../kiosk/help.py" line="373"/>
        <source>呼叫帮办</source>
        <translation>Call for help</translation>
    </message>
    <message>
        <location filename="../../kiosk/help.py" line="374"/>
        <source>请选择需要帮助的事项，工作人员会到本机旁为您服务</source>
        <translation>Choose what you need help with; a member of staff will come to this kiosk</translation>
    </message>
    <message>
        <location filename="../../kiosk/help.py" line="377"/>
        <source>返回继续办理</source>
        <translation>Back to what I was doing</translation>
    </message>
</context>
<context>
    <name>HitListScreen</name>
    <message>
        <location filename="../../kiosk/browse.py" line="333"/>
        <location filename="../../kiosk/browse.py" line="340"/>
        <source>这里暂时没有可办理的事项</source>
        <translation>No services here yet</translation>
    </message>
    <message>
        <location filename="../../kiosk/browse.py" line="345"/>
        <source>暂时无法读取事项目录, 请稍后再试或呼叫工作人员</source>
        <translation>The service catalogue cannot be read right now. Please try again later or ask staff for help.</translation>
    </message>
</context>
<context>
    <name>HitRow</name>
    <message>
        <location filename="../../kiosk/rows.py" line="68"/>
        <source>已停止办理</source>
        <translation>No longer offered</translation>
    </message>
    <message>
        <location filename="../../kiosk/rows.py" line="70"/>
        <source>一件事</source>
        <translation>One-stop</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>您好, 欢迎使用政务服务自助终端</source>
        <translation type="vanished">Welcome to the government self-service terminal</translation>
    </message>
    <message>
        <source>请点击下方服务, 或点“搜索”输入事项名称、拼音首字母</source>
        <translation type="vanished">Tap a service below, or tap &quot;Search&quot; to type a service name or pinyin initials</translation>
    </message>
    <message>
        <location filename="../../kiosk/home.py" line="174"/>
        <source>您好，欢迎使用政务服务自助终端</source>
        <translation>Welcome to the government self-service terminal</translation>
    </message>
    <message>
        <location filename="../../kiosk/home.py" line="175"/>
        <source>请点击下方服务，或点“搜索”输入事项名称、拼音首字母</source>
        <translation>Tap a service below, or tap &quot;Search&quot; to type a service name or pinyin initials</translation>
    </message>
</context>
<context>
    <name>Issuing</name>
    <message>
        <location filename="../../window_client/issuing.py" line="93"/>
        <source>窗口领取</source>
        <translation>At the window</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="94"/>
        <source>EMS邮寄</source>
        <translation>EMS mail</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="95"/>
        <source>自助终端打印</source>
        <translation>Kiosk self-print</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="96"/>
        <source>智能文件柜</source>
        <translation>Pickup lockers</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="97"/>
        <source>手机端电子证照</source>
        <translation>E-licence to phone</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="574"/>
        <source>本大厅24小时自助终端</source>
        <translation>24-hour kiosks of this hall</translation>
    </message>
</context>
<context>
    <name>IssuingPage</name>
    <message>
        <location filename="../../window_client/issuing.py" line="883"/>
        <source>待出件结果（正在刷新…）</source>
        <translation>Results awaiting delivery (refreshing…)</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="899"/>
        <source>%1  %2
%3 · 申请人 %4 · 选择：%5</source>
        <translation>%1  %2
%3 · applicant %4 · chosen: %5</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="902"/>
        <source> · 他处受理</source>
        <translation> · accepted elsewhere</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="905"/>
        <source>待出件结果（%1 件）</source>
        <translation>Results awaiting delivery (%1)</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="937"/>
        <source>他处受理的办件，本机只知道申请人 %1：请核对领取人身份证件后填写姓名</source>
        <translation>Accepted at another kiosk or window; this counter only knows the applicant as %1: check the recipient&apos;s ID card, then type their name</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="941"/>
        <source>领取人（申请人或代理人）：%1</source>
        <translation>Recipient (applicant or agent): %1</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="954"/>
        <source>没有待出件的结果。新结果由平台同步后会出现在这里（F5 刷新）。</source>
        <translation>No results awaiting delivery. New results appear here once synced from the platform (F5 refreshes).</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="961"/>
        <source>办件编号：%1</source>
        <translation>Case number: %1</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="962"/>
        <source>事项：%1</source>
        <translation>Service: %1</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="963"/>
        <source>结果：%1</source>
        <translation>Result: %1</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="964"/>
        <source>申请人：%1</source>
        <translation>Applicant: %1</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="967"/>
        <source>代理人：%1</source>
        <translation>Agent: %1</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="969"/>
        <source>申请时选择的出件方式：%1</source>
        <translation>Delivery chosen when applying: %1</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1036"/>
        <source>请填写领取人姓名（申请人或代理人）</source>
        <translation>Enter the recipient&apos;s name (applicant or agent)</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1042"/>
        <source>请领取人在签名板上签字，或选择“已在纸质签收单签字”</source>
        <translation>Have the recipient sign on the pad, or choose &quot;Signed on the paper receipt&quot;</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1060"/>
        <source>取件码 %1</source>
        <translation>Pickup code %1</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1070"/>
        <source>正在办理…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1077"/>
        <source>智能文件柜 %1 号柜格</source>
        <translation>locker compartment %1</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1079"/>
        <source>24小时自助终端</source>
        <translation>the 24-hour kiosk</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1081"/>
        <source>%1 已转%2自助取件。取件码只显示这一次，请告知申请人；短信通知已记录为“待发送短信”（本机未接入短信平台）。取件通知已送打印。</source>
        <translation>%1 handed to %2 for self-service pickup. The pickup code is shown only this once, tell the applicant; the SMS is recorded as &quot;SMS pending&quot; (no SMS gateway on this client). The pickup notice was sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1085"/>
        <source>原取件码已作废。</source>
        <translation>The previous pickup code no longer works.</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1087"/>
        <source>%1 已推送手机端电子证照，已登记出件。</source>
        <translation>%1: e-licence pushed to the phone; delivery registered.</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1089"/>
        <source>%1 已登记EMS邮寄，运单号 %2，邮寄单已送打印。</source>
        <translation>%1: EMS delivery registered, waybill %2; the mailing note was sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1092"/>
        <source>%1 已窗口出件，出件签收单已送打印。</source>
        <translation>%1: handed out at the window; the delivery receipt was sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1134"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1137"/>
        <source>重签 (Esc)</source>
        <translation>Sign again (Esc)</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1138"/>
        <source>在签名板签字</source>
        <translation>Sign on the pad</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1139"/>
        <source>已在纸质签收单签字</source>
        <translation>Signed on the paper receipt</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1140"/>
        <source>领取人姓名</source>
        <translation>Recipient&apos;s name</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1141"/>
        <source>EMS运单号（13位数字，或如 EA123456785CN 的国际格式）</source>
        <translation>EMS waybill number (13 digits, or international form such as EA123456785CN)</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1142"/>
        <source>扫描或输入运单号</source>
        <translation>Scan or type the waybill number</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1143"/>
        <source>智能文件柜柜格号</source>
        <translation>Locker compartment</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1145"/>
        <source>确认后前置机签发6位取件码，申请人凭取件码和身份证号后4位在自助终端或文件柜取件。本机未接入短信平台：短信通知记录为“待发送短信”。</source>
        <translation>On confirmation the gateway issues a 6-digit pickup code; the applicant collects with it and the last 4 characters of the ID number at a kiosk or locker. No SMS gateway is connected: the SMS is recorded as &quot;SMS pending&quot;.</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1147"/>
        <source>电子证照推送到申请人的“爱山东”手机端，确认后登记出件。</source>
        <translation>The e-licence is pushed to the applicant&apos;s iShandong app; confirm to register the delivery.</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1149"/>
        <source>待出件结果</source>
        <translation>Results awaiting delivery</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1155"/>
        <source>签发取件码并打印通知 (Enter)</source>
        <translation>Issue pickup code and print notice (Enter)</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1157"/>
        <source>登记推送并出件 (Enter)</source>
        <translation>Register push and deliver (Enter)</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1159"/>
        <source>确认出件并打印签收单 (Enter)</source>
        <translation>Deliver and print the receipt (Enter)</translation>
    </message>
</context>
<context>
    <name>ItemBrowserPage</name>
    <message>
        <location filename="../../window_client/items.py" line="330"/>
        <source>在左侧搜索并选择事项, 这里显示办事指南</source>
        <translation>Search for a service on the left and pick it; its guide appears here</translation>
    </message>
    <message>
        <location filename="../../window_client/items.py" line="342"/>
        <source>该事项已不在目录中, 请重新搜索</source>
        <translation>This service is no longer in the catalogue; please search again</translation>
    </message>
    <message>
        <location filename="../../window_client/items.py" line="345"/>
        <source>暂时无法读取该事项, 请稍后再试</source>
        <translation>This service cannot be read right now; please try again later</translation>
    </message>
</context>
<context>
    <name>ItemGuideView</name>
    <message>
        <location filename="../../widgets/guide_view.py" line="201"/>
        <source>受理条件</source>
        <translation>Eligibility</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="205"/>
        <source>设定依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="218"/>
        <source>全程网办</source>
        <translation>Fully online</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="220"/>
        <source>可自助办理</source>
        <translation>Self-service available</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="222"/>
        <source>可预约</source>
        <translation>Appointments available</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="224"/>
        <source>告知承诺制</source>
        <translation>Notification and commitment</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="226"/>
        <source>窗口即审即办</source>
        <translation>Decided at the window</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="232"/>
        <source>已停止办理: %1</source>
        <translation>No longer offered: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="239"/>
        <source>即时办结</source>
        <translation>Completed on the spot</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="240"/>
        <source>%1 个%2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="248"/>
        <location filename="../../widgets/guide_view.py" line="432"/>
        <source>不收费</source>
        <translation>Free of charge</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="253"/>
        <source>零跑腿</source>
        <translation>No visit needed</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="255"/>
        <source>最多跑 %1 次</source>
        <translation>At most %1 visit(s)</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="258"/>
        <source>实施主体</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="259"/>
        <source>行使层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="260"/>
        <source>办件类型</source>
        <translation>Processing type</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="261"/>
        <source>法定办结时限</source>
        <translation>Legal time limit</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="263"/>
        <source>承诺办结时限</source>
        <translation>Promised time limit</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="264"/>
        <source>即办</source>
        <translation>On the spot</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="268"/>
        <location filename="../../widgets/guide_view.py" line="286"/>
        <source>收费</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="269"/>
        <source>办理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="271"/>
        <source>出件方式</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="271"/>
        <source>、</source>
        <comment>between the names of a list</comment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="273"/>
        <source>到现场次数</source>
        <translation>Visits in person</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="274"/>
        <source>咨询电话</source>
        <translation>Enquiries</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="275"/>
        <source>监督投诉电话</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="276"/>
        <source>实施编码</source>
        <translation>Service code</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="306"/>
        <source>办理情形与申请材料</source>
        <translation>Your situation and materials</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="309"/>
        <source>请选择您的情形, 查看需要的材料:</source>
        <translation>Choose your situation to see the materials you need:</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="346"/>
        <source>%1 %2 份</source>
        <translation>%1, %2 cop(ies)</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="347"/>
        <source>%1（核验后退还，不收取）</source>
        <translation>%1 (checked and handed back, not kept)</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="349"/>
        <location filename="../../widgets/guide_view.py" line="382"/>
        <source>必需</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="349"/>
        <source>非必需</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="351"/>
        <source>可容缺后补</source>
        <translation>May be supplied later</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="353"/>
        <location filename="../../widgets/guide_view.py" line="368"/>
        <source>可用电子证照免提交</source>
        <translation>No paper needed with e-licence</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="355"/>
        <location filename="../../widgets/guide_view.py" line="368"/>
        <source>部门共享, 免提交</source>
        <translation>Shared by departments, no paper needed</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="379"/>
        <source>材料名称</source>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="380"/>
        <source>形式</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="381"/>
        <source>份数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="383"/>
        <source>容缺</source>
        <translation>Later supply</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="384"/>
        <source>电子证照</source>
        <translation>E-licence</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="385"/>
        <source>来源 / 备注</source>
        <translation>Source / notes</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="394"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="394"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="402"/>
        <source>可容缺</source>
        <translation>Allowed</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="403"/>
        <source>免提交</source>
        <translation>Not needed</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="405"/>
        <source>共享</source>
        <translation>Shared</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="422"/>
        <source>办理流程</source>
        <translation>Steps</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="430"/>
        <source>收费标准</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="437"/>
        <source>(依据: %1)</source>
        <translation>(basis: %1)</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="441"/>
        <source>办理地点和时间</source>
        <translation>Where and when</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="443"/>
        <source>请拨打咨询电话了解办理地点</source>
        <translation>Please call the enquiry line to find where to apply</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="446"/>
        <source>地址: %1</source>
        <translation>Address: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="447"/>
        <source>时间: %1</source>
        <translation>Hours: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="448"/>
        <source>电话: %1</source>
        <translation>Phone: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="451"/>
        <source>本事项还可在以下地点办理</source>
        <translation>This item can also be handled at</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="453"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="458"/>
        <source>手机扫码, 继续办理</source>
        <translation>Continue on your phone</translation>
    </message>
    <message>
        <location filename="../../widgets/guide_view.py" line="465"/>
        <source>用爱山东 App 或微信扫一扫, 在手机上查看本指南、网上申办或预约。</source>
        <translation>Scan with the iShandong app or WeChat to read this guide, apply online or book an appointment on your phone.</translation>
    </message>
</context>
<context>
    <name>ItemListPanel</name>
    <message>
        <location filename="../../window_client/items.py" line="183"/>
        <source>搜索事项: 名称、拼音、首字母  ( / 或 Ctrl+F )</source>
        <translation>Search services: name, pinyin, initials  ( / or Ctrl+F )</translation>
    </message>
    <message>
        <location filename="../../window_client/items.py" line="185"/>
        <location filename="../../window_client/items.py" line="208"/>
        <source>全部部门</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location filename="../../window_client/items.py" line="189"/>
        <source>全部对象</source>
        <translation>All applicants</translation>
    </message>
    <message>
        <location filename="../../window_client/items.py" line="221"/>
        <source>【已停止办理】%1</source>
        <translation>[No longer offered] %1</translation>
    </message>
    <message>
        <location filename="../../window_client/items.py" line="232"/>
        <source>正在读取事项目录…</source>
        <translation>Reading the service catalogue…</translation>
    </message>
    <message>
        <location filename="../../window_client/items.py" line="234"/>
        <source>没有符合条件的事项; 试试拼音首字母或清除筛选</source>
        <translation>No matching services; try pinyin initials or clear the filters</translation>
    </message>
    <message>
        <location filename="../../window_client/items.py" line="236"/>
        <source>共 %1 项</source>
        <translation>%1 services</translation>
    </message>
    <message>
        <location filename="../../window_client/items.py" line="240"/>
        <source>暂时无法读取事项目录, 请稍后再试</source>
        <translation>The service catalogue cannot be read right now. Please try again later.</translation>
    </message>
</context>
<context>
    <name>KioskFooter</name>
    <message>
        <location filename="../../kiosk/chrome.py" line="281"/>
        <source>终端编号 %1</source>
        <translation>Terminal %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/chrome.py" line="282"/>
        <source>政务服务便民热线 12345</source>
        <translation>Government service hotline 12345</translation>
    </message>
</context>
<context>
    <name>KioskHeader</name>
    <message>
        <location filename="../../kiosk/chrome.py" line="31"/>
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../kiosk/chrome.py" line="32"/>
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../kiosk/chrome.py" line="33"/>
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../kiosk/chrome.py" line="34"/>
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../kiosk/chrome.py" line="35"/>
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../kiosk/chrome.py" line="36"/>
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../kiosk/chrome.py" line="37"/>
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../kiosk/chrome.py" line="41"/>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../kiosk/chrome.py" line="42"/>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../kiosk/chrome.py" line="43"/>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../kiosk/chrome.py" line="44"/>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../kiosk/chrome.py" line="45"/>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../kiosk/chrome.py" line="46"/>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../kiosk/chrome.py" line="47"/>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../kiosk/chrome.py" line="218"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/chrome.py" line="219"/>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../kiosk/chrome.py" line="220"/>
        <source>长辈模式</source>
        <translation>Large text</translation>
    </message>
    <message>
        <location filename="../../kiosk/chrome.py" line="221"/>
        <source>朗读</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <location filename="../../kiosk/chrome.py" line="232"/>
        <source>%1 %2  %3</source>
        <translation>%2 %1  %3</translation>
    </message>
    <message>
        <location filename="../../kiosk/chrome.py" line="233"/>
        <source>%1 %2 %3</source>
        <comment>the date without its year, the short weekday, the time</comment>
        <translation>%2 %1 %3</translation>
    </message>
    <message>
        <location filename="../../kiosk/chrome.py" line="235"/>
        <source>%1 %2</source>
        <comment>the date without its year and the time</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../kiosk/window.py" line="1275"/>
        <source>政务服务自助终端</source>
        <translation>Government self-service terminal</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../widgets/labels.py" line="30"/>
        <source>个人服务</source>
        <translation>Personal services</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="31"/>
        <source>法人服务</source>
        <translation>Business services</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="32"/>
        <source>一件事</source>
        <translation>One-stop service bundles</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="33"/>
        <source>部门</source>
        <translation>Departments</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="34"/>
        <source>热门事项</source>
        <translation>Popular services</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="35"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="36"/>
        <source>扫码办事</source>
        <translation>Scan to start</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="37"/>
        <source>办件查询</source>
        <translation>Application status</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="38"/>
        <source>自助取件</source>
        <translation>Collect results</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="39"/>
        <source>取号</source>
        <translation>Queue ticket</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="40"/>
        <source>预约签到</source>
        <translation>Appointment check-in</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="41"/>
        <source>政务服务地图</source>
        <translation>Service map</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="42"/>
        <source>好差评</source>
        <translation>Service rating</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="43"/>
        <source>呼叫帮办</source>
        <translation>Call for help</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="44"/>
        <source>个人</source>
        <translation>Individuals</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="45"/>
        <source>法人</source>
        <translation>Businesses</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="46"/>
        <source>即办件</source>
        <translation>On-the-spot</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="47"/>
        <source>承诺件</source>
        <translation>Promised-time</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="48"/>
        <source>工作日</source>
        <translation>working days</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="49"/>
        <source>自然日</source>
        <translation>calendar days</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="50"/>
        <source>原件</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="51"/>
        <source>复印件</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="52"/>
        <source>原件和复印件</source>
        <translation>Original and copy</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="53"/>
        <source>电子件</source>
        <translation>Electronic</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="54"/>
        <source>申请人自备</source>
        <translation>Provided by applicant</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="55"/>
        <source>政府部门核发</source>
        <translation>Issued by a government department</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="56"/>
        <source>申请表格(窗口/网上提供)</source>
        <translation>Application form (at the window or online)</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="57"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="58"/>
        <source>窗口领取</source>
        <translation>Collect at the window</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="59"/>
        <source>邮政寄递</source>
        <translation>By post (EMS)</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="60"/>
        <source>自助终端打印</source>
        <translation>Print at a self-service terminal</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="61"/>
        <source>智能文件柜自取</source>
        <translation>Collect from a smart locker</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="62"/>
        <source>电子证照推送到手机</source>
        <translation>E-licence sent to your phone</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="63"/>
        <source>政务服务中心</source>
        <translation>Government service centre</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="64"/>
        <source>便民服务中心</source>
        <translation>Community service centre</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="65"/>
        <source>政务+合作网点</source>
        <translation>Partner outlet (bank/post/telecom)</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="66"/>
        <source>24小时自助服务区</source>
        <translation>24-hour self-service area</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="67"/>
        <source>省级</source>
        <translation>Provincial</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="68"/>
        <source>市级</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="69"/>
        <source>区县级</source>
        <translation>District/county</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="70"/>
        <source>镇街级</source>
        <translation>Town/street</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="71"/>
        <source>村居级</source>
        <translation>Village/community</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="72"/>
        <source>行政许可</source>
        <translation>Administrative licensing</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="73"/>
        <source>行政处罚</source>
        <translation>Administrative penalty</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="74"/>
        <source>行政强制</source>
        <translation>Administrative enforcement</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="75"/>
        <source>行政征收</source>
        <translation>Administrative levy</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="76"/>
        <source>行政给付</source>
        <translation>Administrative payment</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="77"/>
        <source>行政检查</source>
        <translation>Administrative inspection</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="78"/>
        <source>行政确认</source>
        <translation>Administrative confirmation</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="79"/>
        <source>行政奖励</source>
        <translation>Administrative award</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="80"/>
        <source>行政裁决</source>
        <translation>Administrative adjudication</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="81"/>
        <source>其他行政权力</source>
        <translation>Other administrative power</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="82"/>
        <source>公共服务</source>
        <translation>Public service</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../window_client/login.py" line="184"/>
        <source>请输入账号和密码</source>
        <translation>Please enter your account and password</translation>
    </message>
    <message>
        <location filename="../../window_client/login.py" line="208"/>
        <source>请至少选择一个业务区</source>
        <translation>Please choose at least one business area</translation>
    </message>
    <message>
        <location filename="../../window_client/login.py" line="236"/>
        <source>管理员重置了您的密码, 请先设置新密码</source>
        <translation>Your password was reset by the administrator; please set a new one first</translation>
    </message>
    <message>
        <location filename="../../window_client/login.py" line="258"/>
        <source>两次输入的新密码不一致</source>
        <translation>The two new passwords differ</translation>
    </message>
    <message>
        <location filename="../../window_client/login.py" line="304"/>
        <source>%1 · %2 · %3 号窗口</source>
        <translation>%1 · %2 · window %3</translation>
    </message>
    <message>
        <location filename="../../window_client/login.py" line="351"/>
        <source>窗口人员登录</source>
        <translation>Counter staff login</translation>
    </message>
    <message>
        <location filename="../../window_client/login.py" line="352"/>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../window_client/login.py" line="353"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../window_client/login.py" line="354"/>
        <source>窗口号</source>
        <translation>Window no.</translation>
    </message>
    <message>
        <location filename="../../window_client/login.py" line="355"/>
        <source>留空则使用账号登记的窗口</source>
        <translation>Leave empty to use the account&apos;s usual window</translation>
    </message>
    <message>
        <location filename="../../window_client/login.py" line="356"/>
        <source>登录 (Enter)</source>
        <translation>Log in (Enter)</translation>
    </message>
    <message>
        <location filename="../../window_client/login.py" line="357"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../window_client/login.py" line="358"/>
        <source>再输一次</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../window_client/login.py" line="359"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../window_client/login.py" line="361"/>
        <source>今天本窗口办理的业务区 (潮汐窗口可随时在顶部更改); 数字键切换, Enter 开始</source>
        <translation>Business areas this window handles today (flexible windows can change them from the header at any time); digits toggle, Enter starts</translation>
    </message>
    <message>
        <location filename="../../window_client/login.py" line="363"/>
        <source>开始工作 (Enter)</source>
        <translation>Start work (Enter)</translation>
    </message>
</context>
<context>
    <name>MaterialsPage</name>
    <message>
        <location filename="../../window_client/materials.py" line="345"/>
        <source>选择扫描件</source>
        <translation>Choose a scanned file</translation>
    </message>
    <message>
        <location filename="../../window_client/materials.py" line="347"/>
        <source>扫描件 (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>Scans (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../window_client/materials.py" line="370"/>
        <location filename="../../window_client/materials.py" line="458"/>
        <source>本窗口端没有本地数据库, 无法保存扫描件</source>
        <translation>This counter client has no local database; scans cannot be kept</translation>
    </message>
    <message>
        <location filename="../../window_client/materials.py" line="373"/>
        <source>请先在左侧选择办件</source>
        <translation>Choose a case on the left first</translation>
    </message>
    <message>
        <location filename="../../window_client/materials.py" line="376"/>
        <source>请选择要扫描的材料</source>
        <translation>Choose the material that was scanned</translation>
    </message>
    <message>
        <location filename="../../window_client/materials.py" line="387"/>
        <source>%1 已数字化并关联到办件 %2, 联网后上传</source>
        <translation>%1 digitised and linked to case %2; uploaded when online</translation>
    </message>
    <message>
        <location filename="../../window_client/materials.py" line="426"/>
        <source>纸质已收</source>
        <translation>paper received</translation>
    </message>
    <message>
        <location filename="../../window_client/materials.py" line="426"/>
        <source>未收纸质</source>
        <translation>no paper</translation>
    </message>
    <message>
        <location filename="../../window_client/materials.py" line="447"/>
        <source>今日在前台的办件</source>
        <translation>Today&apos;s cases at the front desk</translation>
    </message>
    <message>
        <location filename="../../window_client/materials.py" line="448"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../window_client/materials.py" line="449"/>
        <source>材料 (选择后按 Enter 导入扫描件)</source>
        <translation>Materials (choose one, Enter imports a scan)</translation>
    </message>
    <message>
        <location filename="../../window_client/materials.py" line="452"/>
        <source>本机未接入高拍仪: 请用扫描仪或高拍仪软件将纸质材料存为 PDF/JPG/PNG (不超过20MB), 再在此导入</source>
        <translation>No document camera is connected here: save the paper material as PDF/JPG/PNG (up to 20 MB) with a scanner or the camera&apos;s software, then import it</translation>
    </message>
    <message>
        <location filename="../../window_client/materials.py" line="456"/>
        <source>导入扫描件…</source>
        <translation>Import scan…</translation>
    </message>
    <message>
        <location filename="../../window_client/materials.py" line="457"/>
        <source>本次已导入</source>
        <translation>Imported this session</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <location filename="../../widgets/keyboard.py" line="207"/>
        <source>中</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../widgets/keyboard.py" line="207"/>
        <source>英</source>
        <translation>EN</translation>
    </message>
    <message>
        <location filename="../../widgets/keyboard.py" line="208"/>
        <source>中英文切换</source>
        <translation>Switch Chinese/English</translation>
    </message>
    <message>
        <location filename="../../widgets/keyboard.py" line="209"/>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../widgets/keyboard.py" line="210"/>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../widgets/keyboard.py" line="211"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../widgets/keyboard.py" line="212"/>
        <location filename="../../widgets/keyboard.py" line="213"/>
        <source>退格</source>
        <translation>Backspace</translation>
    </message>
</context>
<context>
    <name>PickupScreen</name>
    <message>
        <location filename="../../kiosk/pickup.py" line="230"/>
        <source>%1 —— %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="369"/>
        <source>请到 %1 号格口取走文件并关好柜门；取件凭条正在打印</source>
        <translation>Take your documents from compartment %1 and close the door; your pickup slip is printing</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="372"/>
        <source>结果文书已打印，请取走文件和取件凭条</source>
        <translation>Your result has been printed; please take it and the pickup slip</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="374"/>
        <source>未能出件，您的办理结果仍在等待领取</source>
        <translation>Nothing was dispensed; your result is still waiting for you</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="376"/>
        <source>请扫描居民码，或输入短信取件码和身份证号码后4位</source>
        <translation>Scan your Resident Code, or enter the pickup code from the SMS and the last 4 characters of your ID number</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="378"/>
        <source>您有多件办理结果待领取，请选择要领取的结果</source>
        <translation>Several results are waiting for you; choose the one to collect</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="381"/>
        <source>正在出件，请稍候…</source>
        <translation>Getting your result, please wait…</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="385"/>
        <source>%1 号格口即将打开，请取走文件后关好柜门</source>
        <translation>Compartment %1 is about to open: take your documents and close the door</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="387"/>
        <source>柜门即将打开，请取走文件后关好柜门</source>
        <translation>The locker door is about to open; take your documents and close the door</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="400"/>
        <source>智能文件柜 %1 号格口</source>
        <translation>Smart locker, compartment %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="402"/>
        <source>本机打印</source>
        <translation>Printed at this terminal</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="405"/>
        <source>%1 号格口</source>
        <translation>Compartment %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="408"/>
        <source>办理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="409"/>
        <source>事项</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="410"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="411"/>
        <source>领取人</source>
        <translation>Collected by</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="413"/>
        <source>领取方式</source>
        <translation>Collected from</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="416"/>
        <source>请核对结果文书上的姓名和内容，如有疑问请拨打 12345 或到出件窗口咨询</source>
        <translation>Check the name and content; with questions call 12345</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="417"/>
        <source>取件凭条是您已领取的凭证，请妥善保管；同一结果不能重复领取</source>
        <translation>Keep the pickup slip: it proves you collected the result</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="419"/>
        <location filename="../../kiosk/pickup.py" line="425"/>
        <source>取走文件后请关好柜门</source>
        <translation>Close the compartment door</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="420"/>
        <source>接下来</source>
        <translation>What to do next</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="423"/>
        <source>请按以下步骤取件</source>
        <translation>To collect your documents</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="424"/>
        <source>到 %1 号格口取走文件</source>
        <translation>Go to compartment %1 and take your documents</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="426"/>
        <source>关门后取件凭条自动打印，请一并取走</source>
        <translation>Once the door is closed your pickup slip prints; take it too</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="433"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="433"/>
        <source>返回首页</source>
        <translation>Back to home</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="441"/>
        <source>自助取件</source>
        <translation>Collect results</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="442"/>
        <source>短信取件码</source>
        <translation>SMS pickup code</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="443"/>
        <source>身份证后4位</source>
        <translation>Last 4 of ID no.</translation>
    </message>
    <message>
        <location filename="../../kiosk/pickup.py" line="444"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../kiosk/staff.py" line="680"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="681"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="682"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="683"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>ProgressScreen</name>
    <message>
        <location filename="../../kiosk/progress.py" line="408"/>
        <source>正在查询，请稍候…</source>
        <translation>Looking it up, please wait…</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="426"/>
        <source>%1&#x3000;%2&#x3000;%3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>办件编号 %1&#x3000;当前状态：%2</source>
        <translation type="vanished">Case number %1 · Status: %2</translation>
    </message>
    <message>
        <source>事项：%1</source>
        <translation type="vanished">Service: %1</translation>
    </message>
    <message>
        <source>下一步：%1</source>
        <translation type="vanished">Next step: %1</translation>
    </message>
    <message>
        <source>办结期限：%1</source>
        <translation type="vanished">Due by: %1</translation>
    </message>
    <message>
        <source>（临时编号，网络恢复后取得正式编号）</source>
        <translation type="vanished">(Provisional number; the official number follows when the network is back)</translation>
    </message>
    <message>
        <source>%1&#x3000;%2</source>
        <translation type="vanished">%3  %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="439"/>
        <source>办件编号 %1</source>
        <translation>Case number %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="444"/>
        <source>事项</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="445"/>
        <source>下一步</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="446"/>
        <source>办结期限</source>
        <translation>Due by</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="449"/>
        <source>临时编号：网络恢复后取得正式编号</source>
        <translation>Provisional number; the official number follows when the network is back</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="461"/>
        <source>即办件或无承诺期限</source>
        <translation>Done on the spot (no promised time limit)</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="465"/>
        <source>%1</source>
        <comment>the promised date; %2 is its ISO form</comment>
        <translation>%2</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="467"/>
        <source>%1（%2）</source>
        <comment>the promised date (working days left); %3 is the ISO date</comment>
        <translation>%3 (%2)</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="485"/>
        <source>%1</source>
        <comment>the time of a timeline step; %2 is its ISO form</comment>
        <translation>%2</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="519"/>
        <source>办件进度单正在打印，请取走</source>
        <translation>Your progress sheet is printing; please take it</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="530"/>
        <source>办件查询</source>
        <translation>Application status</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="531"/>
        <source>请扫描受理凭证上的二维码或居民码，或输入办件编号</source>
        <translation>Scan the QR code on your acceptance receipt or your Resident Code, or enter the case number</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="532"/>
        <source>打印办件进度单</source>
        <translation>Print progress sheet</translation>
    </message>
    <message>
        <location filename="../../kiosk/progress.py" line="533"/>
        <source>办理进度</source>
        <translation>Progress</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <location filename="../../window_client/queue_page.py" line="58"/>
        <source>老年人</source>
        <translation>elderly</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="59"/>
        <source>残疾人</source>
        <translation>disabled</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="60"/>
        <source>孕期妇女</source>
        <translation>pregnant</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="61"/>
        <source>军人</source>
        <translation>military</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="64"/>
        <source>等候中</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="65"/>
        <source>已叫号, 等候到窗口</source>
        <translation>Called, coming to the window</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="66"/>
        <source>办理中</source>
        <translation>Being served</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="67"/>
        <source>已办结</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="68"/>
        <source>已过号</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="69"/>
        <source>已转办</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="70"/>
        <source>已挂起</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="408"/>
        <source>请选择要转去的业务区</source>
        <translation>Choose the business area to transfer to</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="418"/>
        <source>请填写暂停服务的原因 (如: 系统维护、临时离开)</source>
        <translation>Give a reason for the pause (e.g. maintenance, away briefly)</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="441"/>
        <source>当前没有叫到的号, 请先叫号 (F2)</source>
        <translation>No ticket is called; call the next one first (F2)</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="504"/>
        <source>已重呼 %1 (第 %2 次)</source>
        <translation>%1 called again (time %2)</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="506"/>
        <source>请 %1 号到 %2 号窗口</source>
        <translation>Ticket %1 to window %2, please</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="508"/>
        <source>%1 已按过号处理</source>
        <translation>%1 marked as no-show</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="511"/>
        <source>%1 已转到 %2, 新号 %3, 保留原排队顺序</source>
        <translation>%1 transferred to %2 as %3, keeping its place in the queue</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="515"/>
        <source>%1 已办结</source>
        <translation>%1 done</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="577"/>
        <source>本窗口端未连接排队系统 (前置机): 叫号不可用, 请按现场叫号办理</source>
        <translation>This counter client has no queue system (gateway): calling is unavailable; call people in person</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="578"/>
        <source>网络中断: 叫号须连接前置机的排队系统, 恢复联网后自动可用</source>
        <translation>Offline: calling needs the gateway&apos;s queue system and comes back by itself when online</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="604"/>
        <source>当前没有叫到的号</source>
        <translation>No ticket called</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="605"/>
        <source>按 F2 叫下一位</source>
        <translation>Press F2 to call the next person</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="611"/>
        <source>%1 · 取号 %2</source>
        <translation>%1 · taken at %2</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="614"/>
        <source>已重呼 %1 次</source>
        <translation>called again %1 time(s)</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="616"/>
        <source>由 %1 转来</source>
        <translation>transferred from %1</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="618"/>
        <source>关联办件: %1</source>
        <translation>cases: %1</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="624"/>
        <source>绿色通道 · %1</source>
        <translation>Green channel · %1</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="627"/>
        <source>本窗口: —</source>
        <translation>This window: —</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="630"/>
        <source>本窗口暂停服务中: %1</source>
        <translation>This window is paused: %1</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="635"/>
        <source>本窗口叫号业务区: %1</source>
        <translation>This window calls: %1</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="645"/>
        <source>取号中</source>
        <translation>Issuing</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="645"/>
        <source>未到取号时间</source>
        <translation>Not issuing now</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="680"/>
        <source>当前号</source>
        <translation>Current ticket</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="681"/>
        <source>叫下一位 (F2)</source>
        <translation>Call next (F2)</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="682"/>
        <source>重呼 (F3)</source>
        <translation>Recall (F3)</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="683"/>
        <source>过号 (F4)</source>
        <translation>No-show (F4)</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="684"/>
        <source>开始办理 (F5)</source>
        <translation>Start service (F5)</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="685"/>
        <source>办结 (F6)</source>
        <translation>Finish (F6)</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="686"/>
        <source>转办到其他业务区</source>
        <translation>Transfer to another business area</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="687"/>
        <source>转办</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="688"/>
        <source>暂停服务</source>
        <translation>Pause service</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="689"/>
        <source>暂停原因 (必填)</source>
        <translation>Reason for the pause (required)</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="690"/>
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="691"/>
        <source>恢复服务</source>
        <translation>Resume service</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="692"/>
        <source>各业务区等候人数</source>
        <translation>People waiting per business area</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="693"/>
        <source>重新连接</source>
        <translation>Reconnect</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="695"/>
        <source>业务区</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="695"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="695"/>
        <source>等候人数</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="695"/>
        <source>取号</source>
        <translation>Tickets</translation>
    </message>
</context>
<context>
    <name>ScanServiceScreen</name>
    <message>
        <location filename="../../kiosk/scan_service.py" line="142"/>
        <source>正在核验，请稍候…</source>
        <translation>Verifying, please wait…</translation>
    </message>
    <message>
        <location filename="../../kiosk/scan_service.py" line="182"/>
        <source>居民</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../kiosk/scan_service.py" line="182"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../kiosk/scan_service.py" line="183"/>
        <source>%1：%2&#x3000;证件号码：%3</source>
        <translation>%1: %2 · ID number: %3</translation>
    </message>
    <message>
        <location filename="../../kiosk/scan_service.py" line="187"/>
        <source>已关联电子证照（可免提交）：%1</source>
        <translation>Linked e-licences (no paper needed): %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/scan_service.py" line="188"/>
        <source>暂无关联的电子证照</source>
        <translation>No linked e-licences</translation>
    </message>
    <message>
        <location filename="../../kiosk/scan_service.py" line="191"/>
        <source>本终端暂无可为您自助申请的事项，请到窗口办理</source>
        <translation>Nothing can be applied for at this terminal for you; please go to a window</translation>
    </message>
    <message>
        <location filename="../../kiosk/scan_service.py" line="193"/>
        <source>请选择要办理的事项</source>
        <translation>Choose the service to apply for</translation>
    </message>
    <message>
        <location filename="../../kiosk/scan_service.py" line="213"/>
        <source>扫码办事</source>
        <translation>Scan to start</translation>
    </message>
    <message>
        <location filename="../../kiosk/scan_service.py" line="215"/>
        <source>请将手机上的居民码或企业码对准扫码口；也可以在下方输入码内容</source>
        <translation>Hold the Resident Code or Enterprise Code on your phone to the scanner, or type the code below</translation>
    </message>
</context>
<context>
    <name>SearchScreen</name>
    <message>
        <source>输入事项名称、拼音或首字母, 如 hz 护照</source>
        <translation type="vanished">Type a service name, pinyin or initials, e.g. hz for passport</translation>
    </message>
    <message>
        <source>暂时无法查询事项目录, 请稍后再试或呼叫工作人员</source>
        <translation type="vanished">Search is unavailable right now. Please try again later or ask staff for help.</translation>
    </message>
    <message>
        <source>用下方键盘输入, 结果会随输入立即显示</source>
        <translation type="vanished">Type with the keyboard below; results appear as you type</translation>
    </message>
    <message>
        <source>未找到“%1”相关事项

试试: 拼音首字母(如 hz)、事项简称(如 护照)
或呼叫工作人员帮您查找</source>
        <translation type="vanished">Nothing found for &quot;%1&quot;

Try: pinyin initials (e.g. hz) or a short name (e.g. 护照)
or ask staff to help you find it</translation>
    </message>
    <message>
        <location filename="../../kiosk/search.py" line="107"/>
        <source>输入事项名称、拼音或首字母，如 hz 护照</source>
        <translation>Type a service name, pinyin or initials, e.g. hz for passport</translation>
    </message>
    <message>
        <location filename="../../kiosk/search.py" line="146"/>
        <source>暂时无法查询事项目录，请稍后再试或呼叫工作人员</source>
        <translation>Search is unavailable right now. Please try again later or ask staff for help.</translation>
    </message>
    <message>
        <location filename="../../kiosk/search.py" line="148"/>
        <source>用下方键盘输入，结果会随输入立即显示</source>
        <translation>Type with the keyboard below; results appear as you type</translation>
    </message>
    <message>
        <location filename="../../kiosk/search.py" line="152"/>
        <source>未找到“%1”相关事项

试试：拼音首字母（如 hz）、事项简称（如 护照）
或呼叫工作人员帮您查找</source>
        <translation>Nothing found for &quot;%1&quot;

Try: pinyin initials (e.g. hz) or a short name (e.g. 护照)
or ask staff to help you find it</translation>
    </message>
    <message>
        <location filename="../../kiosk/search.py" line="158"/>
        <source>找到 %1 个结果</source>
        <translation>%1 results</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../window_client/issuing.py" line="687"/>
        <source>领取人签名</source>
        <translation>Recipient&apos;s signature</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <location filename="../../kiosk/staff.py" line="726"/>
        <location filename="../../kiosk/staff.py" line="746"/>
        <source>小票打印机</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="727"/>
        <location filename="../../kiosk/staff.py" line="747"/>
        <source>A4 打印机</source>
        <translation>A4 printer</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="728"/>
        <source>扫码器</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="729"/>
        <location filename="../../kiosk/staff.py" line="753"/>
        <source>智能文件柜</source>
        <translation>Pickup lockers</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="730"/>
        <source>身份证阅读器</source>
        <translation>ID card reader</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="731"/>
        <source>平台网络</source>
        <translation>Platform link</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="734"/>
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="735"/>
        <source>需关注</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="736"/>
        <source>不可用</source>
        <translation>Unavailable</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="739"/>
        <source>排队中</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="740"/>
        <source>打印中</source>
        <translation>Printing</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="741"/>
        <source>打印失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="742"/>
        <source>已打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="743"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="750"/>
        <source>设备状态</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="751"/>
        <source>打印任务</source>
        <translation>Print jobs</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="752"/>
        <source>取件异常</source>
        <translation>Interrupted pickups</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="754"/>
        <source>同步状态</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="755"/>
        <source>终端信息</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="862"/>
        <source>正在核验…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="880"/>
        <location filename="../../kiosk/staff.py" line="1451"/>
        <source>工作人员模式 · %1（%2）</source>
        <translation>Staff mode · %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="895"/>
        <source>PIN 不正确，还可尝试 %1 次</source>
        <translation>Wrong PIN; %1 attempt(s) left</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="896"/>
        <source>PIN 不正确</source>
        <translation>Wrong PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="915"/>
        <source>PIN 错误次数过多，已锁定。请于 %1 后再试（还剩 %2 分 %3 秒）</source>
        <translation>Too many wrong PINs; locked. Try again after %1 (%2 min %3 s left)</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1081"/>
        <source>更新于 %1</source>
        <translation>Updated %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1086"/>
        <source>重新检测设备</source>
        <translation>Check devices again</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1089"/>
        <source>本机没有登记的设备</source>
        <translation>No devices are registered on this terminal</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1094"/>
        <source>%1 %2：%3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1097"/>
        <source>自 %1 起</source>
        <translation>since %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1099"/>
        <source>无需处理</source>
        <translation>Nothing to do</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1100"/>
        <source>请检查设备的电源、连线和耗材</source>
        <translation>Check the device&apos;s power, cables and supplies</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1103"/>
        <source>处理办法：%1</source>
        <translation>What to do: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1111"/>
        <source>打印测试页</source>
        <translation>Print test page</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1115"/>
        <source>没有待处理的打印任务</source>
        <translation>No print jobs waiting</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1119"/>
        <source>%1 · %2 · %3 · %4</source>
        <translation>%1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1139"/>
        <source>这些取件已开始但未完成（打印或开柜中断）。请先与申请人核实：已拿到结果的点“已取走”，没拿到的点“释放”，申请人即可重新取件。</source>
        <translation>These pickups started but did not finish (printing or the locker was interrupted). Check with the applicant first: tap “Collected” if they have the result, “Release” if not, so they can collect again.</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1142"/>
        <source>没有中断的取件</source>
        <translation>No interrupted pickups</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1146"/>
        <source>柜取</source>
        <translation>Locker</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1146"/>
        <source>自助打印</source>
        <translation>Self-print</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1148"/>
        <source>办件 %1 · %2</source>
        <translation>Case %1 · %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1150"/>
        <source>申请人 %1 · %2</source>
        <translation>Applicant %1 · %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1153"/>
        <source>已取走</source>
        <translation>Collected</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1155"/>
        <source>释放</source>
        <translation>Release</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1169"/>
        <source>本机未连接政务服务平台（未配置网关）</source>
        <translation>Not connected to the platform (no gateway configured)</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1172"/>
        <source>在线</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1174"/>
        <source>离线（自 %1 起）</source>
        <translation>Offline (since %1)</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1176"/>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1178"/>
        <source>平台拒绝了本机的凭证，需要重新注册终端</source>
        <translation>The platform refused this terminal&apos;s credential; enrol the terminal again</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1181"/>
        <source>最近的问题：%1</source>
        <translation>Last problem: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1183"/>
        <source>待上传事件 %1 条</source>
        <translation>%1 event(s) to send</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1185"/>
        <source>各类数据的更新时间</source>
        <translation>Data last updated</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1187"/>
        <source>尚未同步过数据</source>
        <translation>No data synced yet</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1190"/>
        <location filename="../../kiosk/staff.py" line="1215"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1193"/>
        <source>需要处理的事件（平台退回）%1 条</source>
        <translation>Events returned by the platform, needing attention: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1198"/>
        <source>#%1 %2 · %3</source>
        <translation>#%1 %2 · %3</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1201"/>
        <source>原因：%1（%2）</source>
        <translation>Reason: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1209"/>
        <source>终端编号</source>
        <translation>Terminal ID</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1210"/>
        <source>所在大厅</source>
        <translation>Hall</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1211"/>
        <source>程序版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1212"/>
        <source>数据目录</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1213"/>
        <source>日志文件</source>
        <translation>Log file</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1216"/>
        <source>重新加载服务目录</source>
        <translation>Reload service catalogue</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1220"/>
        <source>退出自助模式将关闭本程序。由系统服务启动的全屏终端会在数秒后自动重新启动；如需停止，请在系统中执行 systemctl stop govterm-kiosk。</source>
        <translation>Leaving kiosk mode closes the program. A full-screen terminal started by the system service restarts within seconds; to stop it, run systemctl stop govterm-kiosk.</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1222"/>
        <location filename="../../kiosk/staff.py" line="1456"/>
        <source>退出自助模式</source>
        <translation>Leave kiosk mode</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1231"/>
        <source>本机没有智能文件柜</source>
        <translation>This terminal has no pickup lockers</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1233"/>
        <source>重新读取柜门状态</source>
        <translation>Read door states again</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1236"/>
        <source>读取失败：%1</source>
        <translation>Could not read: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1244"/>
        <source>%1 号</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1246"/>
        <source>门开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1246"/>
        <source>门关</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1248"/>
        <source>有件</source>
        <translation>Occupied</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1248"/>
        <source>空</source>
        <translation>Empty</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1260"/>
        <source>点格口即开启该格口（用于检修、取出滞留文件）</source>
        <translation>Tap a compartment to open it (for maintenance or to remove documents left behind)</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1299"/>
        <source>无法预览该打印件</source>
        <translation>This print job cannot be previewed</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1322"/>
        <source>已重新送往%1打印</source>
        <translation>Sent to %1 again</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1327"/>
        <source>打印任务已取消</source>
        <translation>Print job cancelled</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1332"/>
        <source>已记为取走，平台将收到取件记录</source>
        <translation>Marked as collected; the platform will receive the pickup record</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1335"/>
        <source>已释放，申请人可以重新取件</source>
        <translation>Released; the applicant can collect again</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1339"/>
        <source>%1 号格口已开启，检修后请关好柜门</source>
        <translation>Compartment %1 is open; close the door after maintenance</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1343"/>
        <source>已重新检测设备</source>
        <translation>Devices checked again</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1346"/>
        <source>服务目录已重新加载</source>
        <translation>Service catalogue reloaded</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1355"/>
        <source>测试页已送往%1</source>
        <translation>Test page sent to %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1374"/>
        <source>正在处理…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1389"/>
        <source>操作失败，详情已写入日志</source>
        <translation>The action failed; details are in the log</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1419"/>
        <source>尚未同步</source>
        <translation>not synced yet</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1422"/>
        <source>刚刚</source>
        <translation>just now</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1424"/>
        <source>%1 分钟前</source>
        <translation>%1 min ago</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1426"/>
        <source>%1 小时前</source>
        <translation>%1 h ago</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1427"/>
        <source>%1 天前</source>
        <translation>%1 days ago</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1442"/>
        <source>返回自助服务</source>
        <translation>Back to self-service</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1445"/>
        <source>打印机：</source>
        <translation>Printer:</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1448"/>
        <source>重新打印</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1449"/>
        <source>取消任务</source>
        <translation>Cancel job</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1457"/>
        <source>请再次输入工作人员 PIN。退出后本程序将关闭。</source>
        <translation>Enter the staff PIN again. The program closes after you leave.</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1459"/>
        <source>工作人员登录</source>
        <translation>Staff login</translation>
    </message>
    <message>
        <location filename="../../kiosk/staff.py" line="1460"/>
        <source>请输入工作人员 PIN（仅限本大厅工作人员）</source>
        <translation>Enter the staff PIN (hall staff only)</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../window_client/statistics.py" line="275"/>
        <source>查询 (F5)</source>
        <translation>Query (F5)</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="278"/>
        <source>导出 CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="279"/>
        <source>导出 Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="282"/>
        <source>统计区间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="284"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="249"/>
        <source>按事项</source>
        <translation>By item</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="250"/>
        <source>按渠道</source>
        <translation>By channel</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="251"/>
        <source>按经办人</source>
        <translation>By clerk</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="252"/>
        <source>按受理结果</source>
        <translation>By acceptance outcome</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="253"/>
        <source>出件方式</source>
        <translation>Delivery method</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="254"/>
        <source>好差评</source>
        <translation>Service ratings</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="255"/>
        <source>差评整改</source>
        <translation>Bad-review follow-up</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="298"/>
        <source>正在统计…</source>
        <translation>Computing statistics…</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="343"/>
        <source>统计失败，请稍后重试</source>
        <translation>Statistics failed; please try again later</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="348"/>
        <source>统计时间 %1（实时汇聚）</source>
        <translation>Computed at %1 (real time)</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="354"/>
        <source>办件 %1 件 · 窗口办结 %2 件 · 取号 %3 人 · 平均等候 %4 分钟 · 评价 %5 条（差评 %6）</source>
        <translation>%1 cases · %2 concluded at the window · %3 tickets · average wait %4 min · %5 evaluations (%6 bad)</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="390"/>
        <source>导出统计</source>
        <translation>Export statistics</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="404"/>
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
</context>
<context>
    <name>StatsLabels</name>
    <message>
        <location filename="../../window_client/statistics.py" line="51"/>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="52"/>
        <source>已收件</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="53"/>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="54"/>
        <source>容缺受理</source>
        <translation>Accepted, materials pending</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="55"/>
        <source>告知承诺受理</source>
        <translation>Accepted on commitment</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="56"/>
        <source>待补正</source>
        <translation>Awaiting corrections</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="57"/>
        <source>不予受理</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="58"/>
        <source>审查中</source>
        <translation>Under review</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="59"/>
        <source>准予办理</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="60"/>
        <source>不予办理</source>
        <translation>Denied</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="61"/>
        <source>待领取</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="62"/>
        <source>已出件</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="63"/>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="64"/>
        <source>待回访</source>
        <translation>Call-back due</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="65"/>
        <source>已回访</source>
        <translation>Called back</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="66"/>
        <source>已整改</source>
        <translation>Rectified</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="67"/>
        <source>整改已认可</source>
        <translation>Rectification accepted</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="68"/>
        <source>已关闭</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="69"/>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="70"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="71"/>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="72"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="73"/>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="74"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="75"/>
        <source>自助终端</source>
        <translation>Self-service kiosk</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="76"/>
        <source>网上/掌上</source>
        <translation>Online / mobile</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="77"/>
        <source>窗口领取</source>
        <translation>At the window</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="78"/>
        <source>邮政寄递</source>
        <translation>EMS mail</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="79"/>
        <source>自助终端打印</source>
        <translation>Kiosk self-print</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="80"/>
        <source>智能文件柜</source>
        <translation>Pickup lockers</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="81"/>
        <source>手机端推送</source>
        <translation>E-licence to phone</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="82"/>
        <source>在线申办率</source>
        <translation>Online application rate</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="83"/>
        <source>综合窗口通办比例</source>
        <translation>Share of services at the general window</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="84"/>
        <source>即办件占比</source>
        <translation>Share of on-the-spot services</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="85"/>
        <source>承诺时限压减</source>
        <translation>Promised time cut</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="86"/>
        <source>主动评价率</source>
        <translation>Active evaluation rate</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="87"/>
        <source>差评整改率</source>
        <translation>Bad reviews rectified</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <location filename="../../widgets/status_banner.py" line="149"/>
        <source>不到 1 分钟</source>
        <translation>less than a minute</translation>
    </message>
    <message>
        <location filename="../../widgets/status_banner.py" line="151"/>
        <source>%1 分钟</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../widgets/status_banner.py" line="153"/>
        <source>%1 小时</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../../widgets/status_banner.py" line="154"/>
        <source>%1 天</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <location filename="../../widgets/status_banner.py" line="58"/>
        <location filename="../../widgets/status_banner.py" line="65"/>
        <source>凭条打印</source>
        <translation>Receipt printing</translation>
    </message>
    <message>
        <location filename="../../widgets/status_banner.py" line="66"/>
        <source>文件打印</source>
        <translation>Document printing</translation>
    </message>
    <message>
        <location filename="../../widgets/status_banner.py" line="68"/>
        <source>智能文件柜</source>
        <translation>Pickup lockers</translation>
    </message>
    <message>
        <location filename="../../widgets/status_banner.py" line="61"/>
        <location filename="../../widgets/status_banner.py" line="67"/>
        <source>扫码</source>
        <translation>Code scanning</translation>
    </message>
    <message>
        <location filename="../../widgets/status_banner.py" line="59"/>
        <source>自助打印取件</source>
        <translation>Self-service print pickup</translation>
    </message>
    <message>
        <location filename="../../widgets/status_banner.py" line="60"/>
        <source>智能文件柜取件</source>
        <translation>Smart locker pickup</translation>
    </message>
    <message>
        <location filename="../../widgets/status_banner.py" line="62"/>
        <source>刷身份证</source>
        <translation>Swipe ID card</translation>
    </message>
    <message>
        <location filename="../../widgets/status_banner.py" line="63"/>
        <source>联网服务</source>
        <translation>Online services</translation>
    </message>
    <message>
        <location filename="../../widgets/status_banner.py" line="69"/>
        <source>身份证阅读</source>
        <translation>ID card reader</translation>
    </message>
    <message>
        <location filename="../../widgets/status_banner.py" line="278"/>
        <source>网络已断开（自 %1 起），正在使用本机保存的数据</source>
        <translation>Offline since %1; using the data saved on this terminal</translation>
    </message>
    <message>
        <location filename="../../widgets/status_banner.py" line="283"/>
        <source>网络未连接，正在使用本机保存的数据</source>
        <translation>Not connected; using the data saved on this terminal</translation>
    </message>
    <message>
        <location filename="../../widgets/status_banner.py" line="293"/>
        <source>暂不可用：%1</source>
        <translation>Unavailable for now: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/status_banner.py" line="295"/>
        <source>部分设备暂不可用，相关服务已暂停</source>
        <translation>Some devices are unavailable; the services that need them are paused</translation>
    </message>
    <message>
        <source>网络已断开 (自 %1 起), 正在使用本机保存的数据</source>
        <translation type="vanished">Offline since %1; using the data saved on this terminal</translation>
    </message>
    <message>
        <source>网络未连接, 正在使用本机保存的数据</source>
        <translation type="vanished">Not connected; using the data saved on this terminal</translation>
    </message>
    <message>
        <location filename="../../widgets/status_banner.py" line="285"/>
        <source>数据更新于 %1前</source>
        <translation>Data updated %1 ago</translation>
    </message>
    <message>
        <source>暂不可用: %1</source>
        <translation type="vanished">Unavailable for now: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/status_banner.py" line="293"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>部分设备暂不可用, 相关服务已暂停</source>
        <translation type="vanished">Some devices are unavailable; the services that need them are paused</translation>
    </message>
    <message>
        <location filename="../../widgets/status_banner.py" line="296"/>
        <source> · </source>
        <translation> · </translation>
    </message>
</context>
<context>
    <name>ThemesScreen</name>
    <message>
        <location filename="../../kiosk/browse.py" line="189"/>
        <source>个人服务</source>
        <translation>Personal services</translation>
    </message>
    <message>
        <location filename="../../kiosk/browse.py" line="189"/>
        <source>法人服务</source>
        <translation>Business services</translation>
    </message>
    <message>
        <location filename="../../kiosk/browse.py" line="198"/>
        <source>暂无可办理的事项分类</source>
        <translation>No service categories yet</translation>
    </message>
    <message>
        <location filename="../../kiosk/browse.py" line="202"/>
        <source>%1  (%2 项)</source>
        <translation>%1  (%2 services)</translation>
    </message>
    <message>
        <location filename="../../kiosk/browse.py" line="210"/>
        <source>暂时无法读取事项目录, 请稍后再试或呼叫工作人员</source>
        <translation>The service catalogue cannot be read right now. Please try again later or ask staff for help.</translation>
    </message>
</context>
<context>
    <name>TicketResult</name>
    <message>
        <location filename="../../kiosk/ticket.py" line="232"/>
        <source>预约签到成功，请等候叫号</source>
        <translation>Checked in; please wait for your call</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="234"/>
        <source>取号成功，请等候叫号</source>
        <translation>Ticket taken; please wait for your call</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="237"/>
        <source>前面约有 %1 人（网络中断，人数为估计值）</source>
        <translation>About %1 ahead (offline estimate)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="240"/>
        <source>前面还有 %1 人</source>
        <translation>%1 people ahead of you</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="242"/>
        <source>办理业务</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="243"/>
        <source>取号时间</source>
        <translation>Taken at</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="247"/>
        <source>绿色通道：%1。叫号时请向窗口工作人员出示相关证件，由工作人员确认</source>
        <translation>Priority lane: %1. Show your proof at the window when called; staff will confirm it</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="251"/>
        <source>预约已签到，将按预约时段优先叫号</source>
        <translation>Appointment checked in: you will be called by your booked time</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="255"/>
        <source>接下来</source>
        <translation>What happens next</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="256"/>
        <source>请在等候区留意叫号屏幕和语音提示，叫到您的号码时请到屏幕显示的窗口办理</source>
        <translation>Wait in the waiting area and watch the screen; when your number is called, go to the window shown</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="257"/>
        <source>过号请重新取号</source>
        <translation>If you miss your number, please take a new one</translation>
    </message>
    <message>
        <source>请留意叫号屏幕和语音提示，过号请重新取号</source>
        <translation type="vanished">Watch the call screen and listen for your number; if you miss it, take a new ticket</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="269"/>
        <source>取号小票已打印，请取走小票</source>
        <translation>Your ticket has been printed; please take it</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="272"/>
        <source>打印机暂时无法打印（已通知工作人员），请记住上方排队号，叫号时同样有效</source>
        <translation>The printer is not working (staff have been told); remember the number above, it will be called all the same</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="274"/>
        <source>正在打印取号小票，请稍候…</source>
        <translation>Printing your ticket, please wait…</translation>
    </message>
</context>
<context>
    <name>TicketScreen</name>
    <message>
        <location filename="../../kiosk/ticket.py" line="60"/>
        <source>老年人</source>
        <translation>Senior</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="61"/>
        <source>残疾人</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="62"/>
        <source>孕期妇女</source>
        <translation>Pregnancy</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="63"/>
        <source>军人</source>
        <translation>Military</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="456"/>
        <source>本大厅暂未设置排队业务，请到服务台咨询</source>
        <translation>This hall has no queue set up; please ask at the service desk</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="460"/>
        <source>网络中断：仍可取号，但前面等候人数为估计值</source>
        <translation>Network down: tickets still work, but the number of people ahead is an estimate</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="475"/>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="477"/>
        <source>取号时间 %1</source>
        <translation>Tickets issued %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="480"/>
        <source>当前等候 %1 人</source>
        <translation>%1 waiting</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="494"/>
        <source>正在取号，请稍候…</source>
        <translation>Issuing your ticket, please wait…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="515"/>
        <source>符合条件的可先选择绿色通道，再选择业务</source>
        <translation>If eligible, choose a priority lane first, then the service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="517"/>
        <source>已选择绿色通道，请到窗口出示相关证件，由工作人员确认</source>
        <translation>Priority lane chosen: show your proof at the window, staff will confirm it</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="525"/>
        <source>取号</source>
        <translation>Queue ticket</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="526"/>
        <source>绿色通道（老年人、残疾人、孕期妇女、军人优先）</source>
        <translation>Priority lanes (seniors, people with disabilities, pregnant women, military)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="529"/>
        <source>请选择要办理的业务</source>
        <translation>Choose the service you need</translation>
    </message>
    <message>
        <location filename="../../kiosk/ticket.py" line="530"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>WindowClientWindow</name>
    <message>
        <location filename="../../window_client/window.py" line="169"/>
        <source>您的岗位在本窗口端没有可用的功能, 请联系管理员</source>
        <translation>Your role has no functions in the counter client; please contact the administrator</translation>
    </message>
    <message>
        <location filename="../../window_client/window.py" line="230"/>
        <source>本窗口业务区已改为: %1</source>
        <translation>This window now handles: %1</translation>
    </message>
    <message>
        <location filename="../../window_client/window.py" line="278"/>
        <source>您的岗位不能使用该功能</source>
        <translation>Your role cannot use this function</translation>
    </message>
    <message>
        <location filename="../../window_client/window.py" line="320"/>
        <source>%1 呼叫帮办（%2），请前往协助</source>
        <translation>%1 is calling for help (%2); please go and assist</translation>
    </message>
    <message>
        <location filename="../../window_client/window.py" line="322"/>
        <source>响应并查看</source>
        <translation>Take and show</translation>
    </message>
    <message>
        <location filename="../../window_client/window.py" line="347"/>
        <source>已响应 %1 的帮办请求，请前往协助</source>
        <translation>You took the help request from %1; please go and assist</translation>
    </message>
    <message>
        <location filename="../../window_client/window.py" line="367"/>
        <source>一窗受理 · 窗口端</source>
        <translation>One-window acceptance · Counter client</translation>
    </message>
    <message>
        <location filename="../../window_client/window.py" line="382"/>
        <source>%1 · %2 待响应</source>
        <translation>%1 · %2 waiting</translation>
    </message>
</context>
<context>
    <name>WindowPages</name>
    <message>
        <location filename="../../window_client/items.py" line="354"/>
        <source>事项查询</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../../window_client/pages.py" line="89"/>
        <source>综合受理</source>
        <translation>Front desk</translation>
    </message>
    <message>
        <location filename="../../window_client/pages.py" line="90"/>
        <source>出件</source>
        <translation>Result issuing</translation>
    </message>
    <message>
        <location filename="../../window_client/pages.py" line="91"/>
        <source>首席代表</source>
        <translation>Chief representative</translation>
    </message>
    <message>
        <location filename="../../window_client/pages.py" line="92"/>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../window_client/pages.py" line="93"/>
        <source>后台审批</source>
        <translation>Back-office review</translation>
    </message>
    <message>
        <location filename="../../window_client/pages.py" line="94"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../window_client/pages.py" line="95"/>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../window_client/pages.py" line="104"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="422"/>
        <source>未连接前置机：统计需要联网</source>
        <translation>Not connected to the gateway: statistics need the network</translation>
    </message>
    <message>
        <location filename="../../window_client/statistics.py" line="427"/>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="291"/>
        <source>未连接前置机：帮办请求和设备告警需要联网</source>
        <translation>Not connected to the gateway: help calls and device alerts need the network</translation>
    </message>
    <message>
        <location filename="../../window_client/alerts.py" line="312"/>
        <source>帮办与告警</source>
        <translation>Help &amp; alerts</translation>
    </message>
    <message>
        <location filename="../../window_client/acceptance.py" line="1215"/>
        <source>收件受理</source>
        <translation>Acceptance</translation>
    </message>
    <message>
        <location filename="../../window_client/conclusion.py" line="392"/>
        <source>窗口办结</source>
        <translation>Concluded at the window</translation>
    </message>
    <message>
        <location filename="../../window_client/issuing.py" line="1180"/>
        <source>统一出件</source>
        <translation>Result issuing</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="397"/>
        <source>未连接前置机：差评整改和投诉登记需要联网</source>
        <translation>Not connected to the gateway: bad-review follow-up and complaints need the network</translation>
    </message>
    <message>
        <location filename="../../window_client/complaints.py" line="413"/>
        <source>差评整改</source>
        <translation>Bad-review follow-up</translation>
    </message>
    <message>
        <location filename="../../window_client/consultation.py" line="347"/>
        <source>解答咨询</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <location filename="../../window_client/deadlines.py" line="311"/>
        <source>补正时限</source>
        <translation>Correction deadlines</translation>
    </message>
    <message>
        <location filename="../../window_client/handover.py" line="426"/>
        <source>移交后台</source>
        <translation>Handover</translation>
    </message>
    <message>
        <location filename="../../window_client/materials.py" line="474"/>
        <source>材料数字化</source>
        <translation>Digitise materials</translation>
    </message>
    <message>
        <location filename="../../window_client/queue_page.py" line="726"/>
        <source>叫号</source>
        <translation>Call queue</translation>
    </message>
</context>
</TS>
