<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
  <context>
    <name>Errors</name>
    <message>
      <source>{compartment}号格口柜门未关闭</source>
      <translation>The door of compartment {compartment} was left open</translation>
    </message>
    <message>
      <source>尚未获取本大厅信息，暂时无法办理，请稍后再试或联系工作人员</source>
      <translation>This hall's details have not arrived yet, so this service is not available; please try again later or ask staff for help</translation>
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
      <source>打印失败，请检查打印机</source>
      <translation>Printing failed; please check the printer</translation>
    </message>
    <message>
      <source>打印机故障，结果文书未能打出，已通知工作人员。请稍后重新领取，或到出件窗口领取</source>
      <translation>The printer has a fault and your result document could not be printed; staff have been told. Please try again later, or collect it at the results window</translation>
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
      <source>本机无法重新加载目录</source>
      <translation>This machine cannot reload the catalog</translation>
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
      <source>本终端没有查到您的办件</source>
      <translation>No applications of yours were found on this terminal</translation>
    </message>
    <message>
      <source>本终端没有查到该办件。在其他地方申请的办件，请登录“爱山东”APP或到窗口查询</source>
      <translation>This application was not found on this terminal. For applications made elsewhere, please check the "爱山东" app or ask at a window</translation>
    </message>
    <message>
      <source>柜门未能打开，已通知工作人员，请到出件窗口领取或稍后再试</source>
      <translation>The locker door did not open and staff have been told; please collect your documents at the results window or try again later</translation>
    </message>
    <message>
      <source>没有查到您今天在本大厅的预约。如已预约，请输入预约短信中的预约码</source>
      <translation>No appointment for you in this hall today was found. If you have booked, please enter the appointment code from the SMS</translation>
    </message>
    <message>
      <source>结果文书传输不完整，请稍后再试</source>
      <translation>The result document did not arrive complete; please try again later</translation>
    </message>
    <message>
      <source>编号格式不正确，请核对后重新输入</source>
      <translation>The number is not valid; please check it and enter it again</translation>
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
      <translation>The network is down, so appointment check-in is not available; please ask the staff at the service desk</translation>
    </message>
    <message>
      <source>该结果的电子文书尚未送达本终端，暂时无法自助打印，请到出件窗口领取</source>
      <translation>The electronic document for this result has not reached this terminal yet, so it cannot be printed here; please collect it at the results window</translation>
    </message>
    <message>
      <source>请使用领取人本人的居民码</source>
      <translation>Please use the Resident Code of the person collecting the result</translation>
    </message>
    <message>
      <source>请扫描凭条上的二维码，或输入办件编号、排队号</source>
      <translation>Please scan the QR code on your receipt, or enter the case number or ticket number</translation>
    </message>
    <message>
      <source>请输入预约码</source>
      <translation>Please enter the appointment code</translation>
    </message>
    <message>
      <source>这是本大厅出具的凭条（{number}），请出示预约码</source>
      <translation>This is a slip issued by this hall ({number}); please show your appointment code</translation>
    </message>
    <message>
      <source>预约码格式不正确，请核对后重新输入</source>
      <translation>The appointment code is not valid; please check it and enter it again</translation>
    </message>
  </context>
</TS>
