/**
 * The add-in's XML manifest (add-in only, TaskPaneApp), for one origin: the single template behind
 * `GET /manifest.xml` (worker/routes/manifest.ts), `npm run manifest` (scripts/manifest.ts) and the root
 * manifest.xml for local development (its test regenerates it and compares).
 *
 * Requirements: ExcelApi 1.9 and SharedRuntime 1.1 (Excel 2021 and later, Microsoft 365 on Windows and
 * Mac, Excel on the web). The shared runtime (lifetime long) runs the custom functions (namespace NAKES)
 * in the pane's page, so they share its settings and connection. Default language Indonesian (id-ID);
 * every string carries an en-US override.
 */

/**
 * The add-in id of local development (the root manifest.xml, `npm start`, `npm run preview`, any
 * loopback origin) and the default of the ADDIN_ID var. Office keys settings and centralized deployment
 * on the id, so each deployment has its own (`npm run deploy` writes a new one into wrangler.jsonc on
 * its first run) and keeps it: two dinkes in one Microsoft 365 tenant can both deploy, and sideloading
 * the development manifest never replaces a deployment's add-in.
 */
export const DEV_ADDIN_ID = "a01e2682-9684-47d3-a57f-3cf4b06d3c28";

/** A GUID as Office's <Id> takes it (8-4-4-4-12 hex digits). */
export const ADDIN_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ManifestOptions {
  /**
   * Where the pane's files are served: an origin only (scheme, host, port; no path), e.g.
   * `https://roster.dinkes.example.go.id`. https, except loopback hosts for local work.
   */
  origin: string;
  /** The package version, `major.minor.patch` (package.json); Office wants four parts, `.0` is added. */
  version: string;
  /** ProviderName: who publishes the add-in (the dinkes), from the Worker's PUBLISHER_NAME var. */
  publisher: string;
  /**
   * Other origins the pane talks to (AppDomains), e.g. the API at `http://localhost:8787` while
   * developing; none when the API is the pane's own origin.
   */
  apiOrigins?: readonly string[];
  /**
   * The deployment's add-in id (the ADDIN_ID var), a GUID. Used for origins outside loopback only: a
   * loopback origin always gets DEV_ADDIN_ID (see addinIdFor). Default DEV_ADDIN_ID.
   */
  id?: string;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The <Id> of the manifest for `origin`: DEV_ADDIN_ID on a loopback origin (the development manifest
 * keeps its own id whatever the config says), else `configured` (the deployment's ADDIN_ID). Throws
 * (English: a developer's input) when `configured` is no GUID.
 */
export function addinIdFor(origin: string, configured: string = DEV_ADDIN_ID): string {
  if (LOOPBACK.has(new URL(origin).hostname)) return DEV_ADDIN_ID;
  if (!ADDIN_ID_PATTERN.test(configured)) throw new Error(`ADDIN_ID must be a GUID (8-4-4-4-12 hex digits), not ${configured}`);
  return configured.toLowerCase();
}

/**
 * `https://host[:port]` from a URL or origin; throws (English: a developer's input) when it has a path,
 * query or credentials, or is plain http outside loopback (Office loads add-ins over https only).
 */
export function manifestOrigin(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`Not a URL: ${url}`);
  }
  if (u.protocol !== "https:" && !(u.protocol === "http:" && LOOPBACK.has(u.hostname))) {
    throw new Error(`The add-in must be served over https (Office refuses http outside localhost): ${url}`);
  }
  if ((u.pathname !== "/" && u.pathname !== "") || u.search || u.hash || u.username || u.password) {
    throw new Error(`Give the origin only (scheme, host and port), not ${url}`);
  }
  return u.origin;
}

/** `0.1.0` → `0.1.0.0`: Office's Version is four dot-separated numbers. */
export function manifestVersion(version: string): string {
  const parts = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version);
  if (!parts) throw new Error(`Not a major.minor.patch version: ${version}`);
  return `${parts[1]}.${parts[2]}.${parts[3]}.0`;
}

function xmlAttr(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** The manifest XML for `options.origin`; every URL in it is that origin's (apiOrigins aside). */
export function addinManifest(options: ManifestOptions): string {
  const origin = manifestOrigin(options.origin);
  const id = addinIdFor(origin, options.id);
  const url = (path: string) => xmlAttr(`${origin}${path}`);
  const publisher = xmlAttr(options.publisher.trim() || "Nakes Roster");
  const apiOrigins = (options.apiOrigins ?? []).map(manifestOrigin).filter((o) => o !== origin);
  const appDomains =
    apiOrigins.length === 0
      ? ""
      : `  <!-- Other origins the pane talks to (the API while developing). -->
  <AppDomains>
${apiOrigins.map((o) => `    <AppDomain>${xmlAttr(o)}</AppDomain>`).join("\n")}
  </AppDomains>
`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!--
  Nakes Roster: Excel task-pane add-in (add-in only XML manifest) for ${xmlAttr(origin)}.
  Generated from shared/office/manifest.ts (GET /manifest.xml, npm run manifest): edit that, not this.
-->
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
           xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0"
           xmlns:ov="http://schemas.microsoft.com/office/taskpaneappversionoverrides"
           xsi:type="TaskPaneApp">
  <Id>${id}</Id>
  <Version>${manifestVersion(options.version)}</Version>
  <ProviderName>${publisher}</ProviderName>
  <DefaultLocale>id-ID</DefaultLocale>
  <DisplayName DefaultValue="Nakes Roster">
    <Override Locale="en-US" Value="Nakes Roster"/>
  </DisplayName>
  <Description DefaultValue="Periksa dan kirim roster tenaga kesehatan dari Excel, lalu tarik cakupan nakes per wilayah.">
    <Override Locale="en-US" Value="Check and send the health-worker roster from Excel, then pull staffing coverage by region."/>
  </Description>
  <IconUrl DefaultValue="${url("/assets/icon-32.png")}"/>
  <HighResolutionIconUrl DefaultValue="${url("/assets/icon-64.png")}"/>
  <SupportUrl DefaultValue="${url("/help.html")}"/>
${appDomains}  <Hosts>
    <Host Name="Workbook"/>
  </Hosts>
  <Requirements>
    <Sets DefaultMinVersion="1.1">
      <Set Name="ExcelApi" MinVersion="1.9"/>
      <Set Name="SharedRuntime" MinVersion="1.1"/>
    </Sets>
  </Requirements>
  <DefaultSettings>
    <SourceLocation DefaultValue="${url("/taskpane.html")}"/>
  </DefaultSettings>
  <Permissions>ReadWriteDocument</Permissions>
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="VersionOverridesV1_0">
    <Hosts>
      <Host xsi:type="Workbook">
        <Runtimes>
          <Runtime resid="Taskpane.Url" lifetime="long"/>
        </Runtimes>
        <AllFormFactors>
          <!-- NAKES.CAKUPAN, NAKES.GAP, NAKES.TABEL (en-US: NAKES.COVERAGE, NAKES.GAP, NAKES.TABLE). They
               run in the pane's page (<Page>, the shared runtime above), which associates them. -->
          <ExtensionPoint xsi:type="CustomFunctions">
            <Script>
              <SourceLocation resid="Functions.Script.Url"/>
            </Script>
            <Page>
              <SourceLocation resid="Taskpane.Url"/>
            </Page>
            <Metadata>
              <SourceLocation resid="Functions.Metadata.Url"/>
            </Metadata>
            <Namespace resid="Functions.Namespace"/>
          </ExtensionPoint>
        </AllFormFactors>
        <DesktopFormFactor>
          <GetStarted>
            <Title resid="GetStarted.Title"/>
            <Description resid="GetStarted.Description"/>
            <LearnMoreUrl resid="Help.Url"/>
          </GetStarted>
          <FunctionFile resid="Taskpane.Url"/>
          <ExtensionPoint xsi:type="PrimaryCommandSurface">
            <OfficeTab id="TabHome">
              <Group id="NakesRoster.Group">
                <Label resid="Group.Label"/>
                <Icon>
                  <bt:Image size="16" resid="Icon.16x16"/>
                  <bt:Image size="32" resid="Icon.32x32"/>
                  <bt:Image size="80" resid="Icon.80x80"/>
                </Icon>
                <Control xsi:type="Button" id="NakesRoster.OpenPane">
                  <Label resid="OpenPane.Label"/>
                  <Supertip>
                    <Title resid="OpenPane.Label"/>
                    <Description resid="OpenPane.Tooltip"/>
                  </Supertip>
                  <Icon>
                    <bt:Image size="16" resid="Icon.16x16"/>
                    <bt:Image size="32" resid="Icon.32x32"/>
                    <bt:Image size="80" resid="Icon.80x80"/>
                  </Icon>
                  <Action xsi:type="ShowTaskpane">
                    <TaskpaneId>NakesRoster.Pane</TaskpaneId>
                    <SourceLocation resid="Taskpane.Url"/>
                  </Action>
                </Control>
              </Group>
            </OfficeTab>
          </ExtensionPoint>
        </DesktopFormFactor>
      </Host>
    </Hosts>
    <Resources>
      <bt:Images>
        <bt:Image id="Icon.16x16" DefaultValue="${url("/assets/icon-16.png")}"/>
        <bt:Image id="Icon.32x32" DefaultValue="${url("/assets/icon-32.png")}"/>
        <bt:Image id="Icon.80x80" DefaultValue="${url("/assets/icon-80.png")}"/>
      </bt:Images>
      <bt:Urls>
        <bt:Url id="Taskpane.Url" DefaultValue="${url("/taskpane.html")}"/>
        <bt:Url id="Help.Url" DefaultValue="${url("/help.html")}"/>
        <bt:Url id="Functions.Script.Url" DefaultValue="${url("/functions.js")}"/>
        <!-- One metadata file per language: Indonesian names by default, English ones for en-US. -->
        <bt:Url id="Functions.Metadata.Url" DefaultValue="${url("/functions.json")}">
          <bt:Override Locale="en-US" Value="${url("/functions-en-us.json")}"/>
        </bt:Url>
      </bt:Urls>
      <bt:ShortStrings>
        <bt:String id="Functions.Namespace" DefaultValue="NAKES">
          <bt:Override Locale="en-US" Value="NAKES"/>
        </bt:String>
        <bt:String id="GetStarted.Title" DefaultValue="Nakes Roster siap dipakai">
          <bt:Override Locale="en-US" Value="Nakes Roster is ready"/>
        </bt:String>
        <bt:String id="Group.Label" DefaultValue="Nakes Roster">
          <bt:Override Locale="en-US" Value="Nakes Roster"/>
        </bt:String>
        <bt:String id="OpenPane.Label" DefaultValue="Nakes Roster">
          <bt:Override Locale="en-US" Value="Nakes Roster"/>
        </bt:String>
      </bt:ShortStrings>
      <bt:LongStrings>
        <bt:String id="GetStarted.Description" DefaultValue="Buka tab Beranda lalu klik Nakes Roster untuk menyisipkan template, memvalidasi dan mengirim roster.">
          <bt:Override Locale="en-US" Value="Open the Home tab and click Nakes Roster to insert the template, validate and send the roster."/>
        </bt:String>
        <bt:String id="OpenPane.Tooltip" DefaultValue="Buka panel Nakes Roster: sisipkan template, validasi, kirim roster dan tarik cakupan.">
          <bt:Override Locale="en-US" Value="Open the Nakes Roster pane: insert the template, validate, send the roster and pull coverage."/>
        </bt:String>
      </bt:LongStrings>
    </Resources>
  </VersionOverrides>
</OfficeApp>
`;
}
