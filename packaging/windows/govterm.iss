; Inno Setup script for govterm on Windows (kiosk and window client).
;
; NOT BUILT IN THIS REPOSITORY'S CI: Windows artefacts need a Windows machine. There:
;   1. py -3.11 -m venv .venv && .venv\Scripts\pip install -e .[test] pyinstaller
;   2. .venv\Scripts\pyinstaller --noconfirm packaging\govterm.spec
;   3. set QT_QPA_PLATFORM=offscreen && dist\govterm\govterm.exe --smoke-test
;   4. iscc /DAppVersion=0.1.0 packaging\windows\govterm.iss   -> dist\govterm-setup-0.1.0.exe
; Note: the local store locks its data folder with fcntl (POSIX); the Windows port of that
; lock must land before a Windows build can run (govterm --smoke-test shows it).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6F1D2C1E-6B0A-4E57-9A59-5D0C7E3A9B21}
AppName=govterm 政务服务终端
AppVersion={#AppVersion}
AppPublisher=govterm
DefaultDirName={autopf}\govterm
DefaultGroupName=govterm
OutputDir=..\..\dist
OutputBaseFilename=govterm-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
WizardStyle=modern

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "kioskautostart"; Description: "开机自动启动自助终端 (kiosk, 全屏)"; Flags: unchecked

[Files]
; The PyInstaller folder, resources/ included (see packaging/govterm.spec).
Source: "..\..\dist\govterm\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion
Source: "..\govterm.toml.example"; DestDir: "{commonappdata}\govterm"; Flags: onlyifdoesntexist

[Icons]
Name: "{group}\政务服务自助终端 (kiosk)"; Filename: "{app}\govterm.exe"; Parameters: "kiosk"
Name: "{group}\一窗受理窗口端 (window)"; Filename: "{app}\govterm.exe"; Parameters: "window"
Name: "{group}\运行环境检查 (doctor)"; Filename: "{cmd}"; Parameters: "/k ""{app}\govterm.exe"" doctor"
Name: "{commonstartup}\govterm kiosk"; Filename: "{app}\govterm.exe"; Parameters: "kiosk --fullscreen"; Tasks: kioskautostart

[Run]
; Smoke test of the installed program: both modes boot offscreen and quit.
Filename: "{app}\govterm.exe"; Parameters: "--smoke-test"; Flags: runhidden waituntilterminated; StatusMsg: "检查安装 (smoke test)…"
