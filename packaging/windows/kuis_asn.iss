; Inno Setup 6 script for Kuis ASN (Windows). Built by .github/workflows/bundle.yml:
;   iscc /DAppVersion=0.2.0 packaging\windows\kuis_asn.iss
; after `pyinstaller packaging\kuis_asn.spec` has made dist\KuisASN-<version>\.
; Installs per machine, adds Start-menu and desktop shortcuts, opens .kuis-hasil and
; .kuis-sesi files with the app, and allows the phone server through Windows Firewall.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z kuis_asn.iss
#endif
#define AppName "Kuis ASN"
#define AppExe "KuisASN.exe"
#define SourceDir "..\..\dist\KuisASN-" + AppVersion

[Setup]
AppId={{6F0B7C55-4C1D-4B8E-9E57-2A1C3D6B9A41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Kuis ASN
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir=..\..\dist
OutputBaseFilename=KuisASN-{#AppVersion}-setup
SetupIconFile=kuis_asn.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
Root: HKA; Subkey: "Software\Classes\.kuis-hasil"; ValueType: string; ValueName: ""; ValueData: "KuisASN.Hasil"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\KuisASN.Hasil"; ValueType: string; ValueName: ""; ValueData: "Paket hasil Kuis ASN"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\KuisASN.Hasil\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\KuisASN.Hasil\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.kuis-sesi"; ValueType: string; ValueName: ""; ValueData: "KuisASN.Sesi"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\KuisASN.Sesi"; ValueType: string; ValueName: ""; ValueData: "Berkas sesi Kuis ASN"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\KuisASN.Sesi\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\KuisASN.Sesi\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
; Phones reach the laptop's phone server over the hall's Wi-Fi: allow the program inbound
; (private and domain networks only; a public network stays closed).
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall add rule name=""Kuis ASN (server HP)"" dir=in action=allow program=""{app}\{#AppExe}"" enable=yes profile=private,domain"; Flags: runhidden waituntilterminated; StatusMsg: "Mengatur Windows Firewall..."
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""Kuis ASN (server HP)"""; Flags: runhidden waituntilterminated; RunOnceId: "KuisAsnFirewall"
