import { XMLParser } from "fast-xml-parser";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { addinManifest, DEV_ADDIN_ID, manifestOrigin, manifestVersion } from "../../shared/office/manifest";
import { workerConfig } from "../../scripts/lib/worker-config";
import { manifestFor, packageVersion } from "../../scripts/manifest";

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

type Node = Record<string, unknown>;
interface Element {
  tag: string;
  /** Tags from the root down to this element's parent. */
  ancestors: string[];
  node: Node;
}

/** Every element of the document, flattened, with its ancestry: the checks below read this list. */
function flatten(node: Node, ancestors: string[], out: Element[]): Element[] {
  for (const [tag, value] of Object.entries(node)) {
    if (tag.startsWith("@_") || tag === "#text" || tag === "?xml") continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      const childNode: Node = typeof child === "object" && child !== null ? (child as Node) : { "#text": child };
      out.push({ tag, ancestors, node: childNode });
      flatten(childNode, [...ancestors, tag], out);
    }
  }
  return out;
}

const parse = (xml: string) => flatten(new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_" }).parse(xml) as Node, [], []);

/** Every absolute URL the manifest gives Office (app domains aside). */
const urlsOf = (elements: Element[]) =>
  elements
    .filter((e) => e.tag !== "AppDomain")
    .flatMap((e) => [e.node["@_DefaultValue"], e.node["@_Value"]])
    .filter((v): v is string => typeof v === "string" && /^[a-z]+:\/\//i.test(v));

const LOCAL = "https://localhost:3000";
const PRODUCTION = "https://nakes-roster.dinkes-bengkulu.workers.dev";

/**
 * The manifests checked: the root manifest.xml for local development (the pane on :3000, the API on
 * :8787), and the one a deployment serves at /manifest.xml (one origin, no other domain).
 */
const cases = [
  { name: "manifest.xml (local development)", xml: readFileSync(root("manifest.xml"), "utf8"), origin: LOCAL, appDomains: ["http://localhost:8787"] },
  { name: "the production manifest", xml: manifestFor({ url: PRODUCTION }), origin: PRODUCTION, appDomains: [] as string[] },
];

describe.each(cases)("$name", ({ xml, origin, appDomains }) => {
  const elements = parse(xml);
  const attr = (e: Element, name: string) => e.node[`@_${name}`] as string | undefined;
  const text = (e: Element) => String(e.node["#text"] ?? "");
  const all = (tag: string) => elements.filter((e) => e.tag === tag);
  const one = (tag: string, parent?: string) => {
    const found = all(tag).filter((e) => !parent || e.ancestors.at(-1) === parent);
    expect(found, `exactly one <${tag}>${parent ? ` in <${parent}>` : ""}`).toHaveLength(1);
    return found[0]!;
  };

  it("is a task-pane add-in for Excel workbooks with a GUID id and read-write access", () => {
    expect(attr(one("OfficeApp"), "xsi:type")).toBe("TaskPaneApp");
    expect(text(one("Id"))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(text(one("Version"))).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const hosts = all("Host").map((h) => attr(h, "Name") ?? attr(h, "xsi:type"));
    expect(hosts).toEqual(["Workbook", "Workbook"]);
    expect(text(one("Permissions"))).toBe("ReadWriteDocument");
  });

  it("requires ExcelApi 1.9 and SharedRuntime 1.1", () => {
    const sets = Object.fromEntries(all("Set").map((s) => [attr(s, "Name"), attr(s, "MinVersion")]));
    expect(sets).toEqual({ ExcelApi: "1.9", SharedRuntime: "1.1" });
  });

  it("serves every page, icon and link over https from one origin, starting at /taskpane.html", () => {
    const urls = urlsOf(elements);
    expect(urls.length).toBeGreaterThan(5);
    const origins = new Set(urls.map((u) => new URL(u).origin));
    expect([...origins]).toEqual([origin]);
    for (const u of urls) expect(new URL(u).protocol).toBe("https:");
    expect(attr(one("SourceLocation", "DefaultSettings"), "DefaultValue")).toBe(`${origin}/taskpane.html`);
  });

  it("lists exactly the other origins the pane calls as app domains, as bare origins", () => {
    const domains = all("AppDomain").map(text);
    expect(domains).toEqual(appDomains);
    for (const d of domains) expect(new URL(d).origin).toBe(d);
  });

  it("defaults to Indonesian and gives every string an English override", () => {
    expect(text(one("DefaultLocale"))).toBe("id-ID");
    const strings = [one("DisplayName"), one("Description", "OfficeApp"), ...all("bt:String")];
    expect(strings.length).toBeGreaterThanOrEqual(7);
    for (const s of strings) {
      const label = attr(s, "id") ?? s.tag;
      expect(attr(s, "DefaultValue"), label).toMatch(/\S/);
      const overrides = Object.entries(s.node)
        .filter(([k]) => k === "Override" || k === "bt:Override")
        .flatMap(([, v]) => (Array.isArray(v) ? v : [v])) as Node[];
      expect(overrides.map((o) => o["@_Locale"]), label).toEqual(["en-US"]);
      expect(String(overrides[0]!["@_Value"]), label).toMatch(/\S/);
    }
  });

  it("resolves every resid to a resource of the right kind and leaves no resource unused", () => {
    const resources = new Map<string, string>();
    for (const e of elements.filter((e) => e.ancestors.includes("Resources") && attr(e, "id"))) {
      const kind = e.tag === "bt:String" ? e.ancestors.at(-1)! : e.tag;
      expect(resources.has(attr(e, "id")!), `duplicate resource ${attr(e, "id")}`).toBe(false);
      resources.set(attr(e, "id")!, kind);
    }
    const expectedKind: Record<string, string> = {
      "bt:Image": "bt:Image",
      Runtime: "bt:Url",
      SourceLocation: "bt:Url",
      FunctionFile: "bt:Url",
      LearnMoreUrl: "bt:Url",
      Label: "bt:ShortStrings",
      Title: "bt:ShortStrings",
      Description: "bt:LongStrings",
      Namespace: "bt:ShortStrings",
    };
    const used = new Set<string>();
    for (const e of elements.filter((e) => attr(e, "resid") !== undefined)) {
      const resid = attr(e, "resid")!;
      expect(resid.length, `${resid} is at most 32 characters`).toBeLessThanOrEqual(32);
      expect(resources.get(resid), `<${e.tag} resid="${resid}">`).toBe(expectedKind[e.tag]);
      used.add(resid);
    }
    expect([...resources.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  it("opens the pane from a Home-tab button in a long-lived shared runtime", () => {
    expect(attr(one("OfficeTab"), "id")).toBe("TabHome");
    const runtime = one("Runtime");
    expect(attr(runtime, "lifetime")).toBe("long");
    const action = one("Action");
    expect(attr(action, "xsi:type")).toBe("ShowTaskpane");
    expect(text(one("TaskpaneId"))).toMatch(/\S/);
    // The shared runtime only loads when the pane and the runtime name the same page resource.
    expect(attr(one("SourceLocation", "Action"), "resid")).toBe(attr(runtime, "resid"));
    expect(attr(one("FunctionFile"), "resid")).toBe(attr(runtime, "resid"));
    const label = all("bt:String").find((s) => attr(s, "id") === attr(one("Label", "Control"), "resid"));
    expect(label && attr(label, "DefaultValue")).toBe("Nakes Roster");
  });

  it("declares the NAKES custom functions in the pane's shared runtime, with Indonesian and English metadata", () => {
    const point = elements.find((e) => e.tag === "ExtensionPoint" && attr(e, "xsi:type") === "CustomFunctions");
    expect(point, "a CustomFunctions extension point").toBeDefined();
    const inPoint = (tag: string) => one(tag, "ExtensionPoint");
    const url = (resid: string | undefined) => all("bt:Url").find((u) => attr(u, "id") === resid);
    const sourceOf = (parent: string) => attr(one("SourceLocation", parent), "resid");
    // The functions run in the pane's page: the same resource as the runtime, so one runtime serves both.
    expect(sourceOf("Page")).toBe(attr(one("Runtime"), "resid"));
    expect(attr(url(sourceOf("Script"))!, "DefaultValue")).toBe(`${origin}/functions.js`);
    const metadata = url(sourceOf("Metadata"))!;
    expect(attr(metadata, "DefaultValue")).toBe(`${origin}/functions.json`);
    const override = metadata.node["bt:Override"] as Node;
    expect([override["@_Locale"], override["@_Value"]]).toEqual(["en-US", `${origin}/functions-en-us.json`]);
    const namespace = all("bt:String").find((s) => attr(s, "id") === attr(inPoint("Namespace"), "resid"))!;
    expect(attr(namespace, "DefaultValue")).toBe("NAKES");
    expect((namespace.node["bt:Override"] as Node)["@_Value"]).toBe("NAKES");
  });

  it("points every icon at a PNG in addin/assets of the size it declares", () => {
    const icons = elements.filter((e) => e.ancestors.includes("Resources") && e.tag === "bt:Image");
    const declared = [attr(one("IconUrl"), "DefaultValue")!, attr(one("HighResolutionIconUrl"), "DefaultValue")!];
    const checks = [
      ...icons.map((e) => ({ url: attr(e, "DefaultValue")!, size: Number(/(\d+)x\1$/.exec(attr(e, "id")!)?.[1]) })),
      { url: declared[0]!, size: 32 },
      { url: declared[1]!, size: 64 },
    ];
    for (const { url, size } of checks) {
      const file = /\/assets\/(icon-\d+\.png)$/.exec(new URL(url).pathname)?.[1];
      expect(file, url).toBeDefined();
      const png = readFileSync(root(`addin/assets/${file}`));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], url).toEqual([size, size]);
    }
  });
});

describe("the manifest generator (shared/office/manifest.ts)", () => {
  it("wrote the root manifest.xml: regenerating it for local development changes nothing", () => {
    // After editing the template: npm run -s manifest -- --url https://localhost:3000 --api http://localhost:8787 --out manifest.xml
    expect(readFileSync(root("manifest.xml"), "utf8")).toBe(manifestFor({ url: LOCAL, api: ["http://localhost:8787"] }));
  });

  it("gives a production origin no localhost anywhere, and https for every URL", () => {
    const xml = manifestFor({ url: PRODUCTION });
    expect(xml).not.toMatch(/localhost|127\.0\.0\.1/);
    expect(xml).not.toMatch(/http:\/\/(?!schemas\.microsoft\.com|www\.w3\.org)/);
    const urls = urlsOf(parse(xml));
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith(`${PRODUCTION}/`), u).toBe(true);
  });

  it("gives a deployment its own add-in id (ADDIN_ID) and local development always its own, and takes the version from package.json", () => {
    const id = (xml: string) => /<Id>([^<]+)<\/Id>/.exec(xml)?.[1];
    const own = "4f1c2b9e-7a31-4c5d-9e8f-0a1b2c3d4e5f";
    expect(id(manifestFor({ url: PRODUCTION, id: own }))).toBe(own);
    expect(id(manifestFor({ url: PRODUCTION }))).toBe(workerConfig().addinId);
    // Sideloading the development manifest never replaces a deployment's add-in.
    expect(id(manifestFor({ url: LOCAL, id: own }))).toBe(DEV_ADDIN_ID);
    expect(id(addinManifest({ origin: "http://127.0.0.1:8788", version: "1.0.0", publisher: "x", id: own }))).toBe(DEV_ADDIN_ID);
    expect(() => addinManifest({ origin: PRODUCTION, version: "1.0.0", publisher: "x", id: "dinkes-bengkulu" })).toThrow(/GUID/);
    expect(manifestFor({ url: PRODUCTION })).toContain(`<Version>${manifestVersion(packageVersion())}</Version>`);
    expect(manifestVersion("1.2.3")).toBe("1.2.3.0");
    expect(() => manifestVersion("1.2")).toThrow(/major\.minor\.patch/);
  });

  it("writes the publisher's name as given, escaped for XML", () => {
    const publisher = `Dinas Kesehatan "Bengkulu" & <Mukomuko>`;
    const elements = parse(addinManifest({ origin: PRODUCTION, version: "1.0.0", publisher }));
    expect(elements.find((e) => e.tag === "ProviderName")?.node["#text"]).toBe(publisher);
  });

  it("refuses plain http outside loopback, and an address with a path", () => {
    expect(() => manifestOrigin("http://roster.example.go.id")).toThrow(/https/);
    expect(() => manifestOrigin("https://roster.example.go.id/pane")).toThrow(/origin only/);
    expect(() => manifestOrigin("not a url")).toThrow(/Not a URL/);
    expect(manifestOrigin("http://127.0.0.1:8788/")).toBe("http://127.0.0.1:8788");
    expect(manifestOrigin("https://roster.example.go.id/")).toBe("https://roster.example.go.id");
  });
});
