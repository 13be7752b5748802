"use client";

import { useEffect, useId, useState } from "react";
import { getIn, isJsonObject, pathKey, setIn, type Json, type Path } from "./document";
import { humanize, singular } from "./labels";
import { emptyValue, suggestionsFor, type JsonSchema } from "./resource-kinds";

/**
 * A form generated from the JSON Schema of the evaluator's zod schema: every field of every
 * resource is editable, and errors come from parsing the whole topology with that same
 * schema (`issues`, keyed by dotted path), so what the form accepts is what the grader accepts.
 */
export type FormContext = {
  doc: Json;
  issues: ReadonlyMap<string, string[]>;
  /** Ids that point nowhere, addresses outside their subnet (the evaluator's checkReferences): allowed, but worth a look. */
  warnings: ReadonlyMap<string, string[]>;
  onChange: (path: Path, value: Json | undefined) => void;
  /** Replaces the whole document in one undo step (an edit that touches several fields). */
  replace: (doc: Json) => void;
};

// Fields shown at once; the rest of a resource's fields wait under "More fields".
const PRIMARY = new Set([
  "cidrBlock", "vpcId", "subnetId", "availabilityZone", "mapPublicIpOnLaunch", "associations", "routes", "main", "gatewayId",
  "destinationCidrBlock", "destinationPrefixListId", "natGatewayId", "vpcPeeringConnectionId", "transitGatewayId", "vpcEndpointId",
  "egressOnlyInternetGatewayId", "instanceId", "networkInterfaceId", "carrierGatewayId", "attachments", "connectivityType",
  "privateIpAddress", "publicIpAddress", "securityGroupIds", "sourceDestCheck", "groupName", "ipPermissions", "ipPermissionsEgress",
  "ipProtocol", "fromPort", "toPort", "ipRanges", "cidrIp", "userIdGroupPairs", "groupId", "isDefault", "entries", "ruleNumber",
  "protocol", "ruleAction", "egress", "portRange", "from", "to", "vpcEndpointType", "serviceName", "routeTableIds", "subnetIds",
  "privateDnsEnabled", "status", "requesterVpcInfo", "accepterVpcInfo", "resourceType", "resourceId", "association",
  "transitGatewayRouteTableId", "propagations", "transitGatewayAttachmentId", "transitGatewayAttachments", "vpcAttachments",
  "ipAddress", "bgpAsn", "customerGatewayId", "vpnGatewayId", "options", "staticRoutesOnly", "cidrBlocks", "customerGatewayIds",
  "propagatingVgws", "prefixListId", "name", "type", "vgwTelemetry", "cidr", "key", "value", "tags", "virtualInterfaceIds",
  "defaultRouteTableAssociation", "defaultRouteTablePropagation", "cidrBlockAssociationSet", "targetNetworkId", "clientCidrBlock",
  "publicIp", "privateIp", "allocationId", "natGatewayAddresses",
]);

type Kind = "enum" | "boolean" | "number" | "string" | "stringArray" | "objectArray" | "object" | "json";

function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type[0] : schema.type;
}

function kindOf(schema: JsonSchema): Kind {
  if (schema.enum) return "enum";
  if (schema.anyOf) return schema.anyOf.every((s) => typeOf(s) === "string" && !s.enum) ? "string" : "json";
  switch (typeOf(schema)) {
    case "boolean":
      return "boolean";
    case "integer":
    case "number":
      return "number";
    case "string":
      return "string";
    case "array": {
      const item = schema.items ?? {};
      const itemKind = kindOf(item);
      return itemKind === "object" ? "objectArray" : itemKind === "string" || itemKind === "enum" ? "stringArray" : "json";
    }
    case "object":
      return schema.properties ? "object" : "json";
    default:
      return "json";
  }
}

/** Nested objects, lists and comma-separated lists take the whole width; single values share a row. */
function wide(schema: JsonSchema): boolean {
  const kind = kindOf(schema);
  return kind === "object" || kind === "objectArray" || kind === "stringArray" || kind === "json";
}

function fieldId(path: Path): string {
  return `f-${path.map(String).join("-")}`;
}

function Issues({ id, messages, warnings }: { id: string; messages: string[] | undefined; warnings?: string[] }) {
  if ((!messages || messages.length === 0) && (!warnings || warnings.length === 0)) return null;
  return (
    <ul id={id} className="mt-0.5 text-xs">
      {(messages ?? []).map((m) => <li key={m} className="text-red-700 dark:text-red-400">{m}</li>)}
      {(warnings ?? []).map((m) => <li key={`w-${m}`} className="text-amber-800 dark:text-amber-300">Warning: {m}</li>)}
    </ul>
  );
}

// A route has one target among many id fields (as describe-route-tables writes it): the form
// shows one "Target" choice and one id instead of a dozen mostly empty fields.
const ROUTE_TARGETS: { key: string; label: string }[] = [
  { key: "gatewayId", label: "Internet/virtual private gateway, gateway endpoint or local" },
  { key: "natGatewayId", label: "NAT gateway" },
  { key: "transitGatewayId", label: "Transit gateway" },
  { key: "vpcPeeringConnectionId", label: "Peering connection" },
  { key: "instanceId", label: "Instance" },
  { key: "networkInterfaceId", label: "Network interface" },
  { key: "egressOnlyInternetGatewayId", label: "Egress-only internet gateway" },
  { key: "carrierGatewayId", label: "Carrier gateway" },
  { key: "vpcEndpointId", label: "Gateway Load Balancer endpoint" },
  { key: "localGatewayId", label: "Local gateway" },
  { key: "coreNetworkArn", label: "Core network" },
];

function isRouteSchema(schema: JsonSchema): boolean {
  const p = schema.properties ?? {};
  return Boolean(p.destinationCidrBlock && p.natGatewayId && p.gatewayId && p.vpcPeeringConnectionId);
}

/** The fields of one object: the usual ones first, the rarely needed ones folded away. */
export function ObjectFields({ schema, path, ctx }: { schema: JsonSchema; path: Path; ctx: FormContext }) {
  if (isRouteSchema(schema)) return <RouteFields schema={schema} path={path} ctx={ctx} />;
  return <PlainObjectFields schema={schema} path={path} ctx={ctx} />;
}

function RouteFields({ schema, path, ctx }: { schema: JsonSchema; path: Path; ctx: FormContext }) {
  const value = getIn(ctx.doc, path);
  const route = isJsonObject(value) ? value : {};
  const current = ROUTE_TARGETS.find((t) => route[t.key] !== undefined) ?? ROUTE_TARGETS[0]!;
  const targetValue = route[current.key];
  const targetId = fieldId([...path, "target"]);
  const targetPath = [...path, current.key];
  const rest: JsonSchema = {
    ...schema,
    required: [],
    properties: Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([k]) => !ROUTE_TARGETS.some((t) => t.key === k))),
  };
  return (
    <div className="space-y-3">
      <PlainObjectFields schema={rest} path={path} ctx={ctx} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${targetId}-kind`} className="block text-sm font-medium">Target</label>
          <select
            id={`${targetId}-kind`}
            className={inputClass}
            value={current.key}
            onChange={(e) => {
              const next = ROUTE_TARGETS.find((t) => t.key === e.target.value);
              if (!next || next.key === current.key) return;
              // Move the id to the new target field, so exactly one target stays set.
              let doc = ctx.doc;
              for (const t of ROUTE_TARGETS) if (t.key !== next.key && route[t.key] !== undefined) doc = setIn(doc, [...path, t.key], undefined);
              ctx.replace(setIn(doc, [...path, next.key], typeof targetValue === "string" ? targetValue : ""));
            }}
          >
            {ROUTE_TARGETS.map((t) => <option key={t.key} value={t.key}>{t.label}</option>)}
          </select>
        </div>
        <StringField
          id={targetId}
          label="Target ID"
          name={current.key}
          path={targetPath}
          value={targetValue}
          // Kept as "" when emptied, so the chosen kind of target stays chosen while retyping.
          required
          schema={schema.properties?.[current.key] ?? {}}
          ctx={ctx}
          messages={ctx.issues.get(pathKey(targetPath))}
        />
      </div>
    </div>
  );
}

function PlainObjectFields({ schema, path, ctx }: { schema: JsonSchema; path: Path; ctx: FormContext }) {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const value = getIn(ctx.doc, path);
  const primary = properties.filter(([name]) => PRIMARY.has(name) || required.has(name));
  const more = properties.filter(([name]) => !PRIMARY.has(name) && !required.has(name));
  const [moreOpen] = useState(() => more.some(([name]) => isJsonObject(value) && value[name] !== undefined));
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {primary.map(([name, s]) => (
        <div key={name} className={wide(s) ? "sm:col-span-2" : undefined}>
          <Field name={name} schema={s} path={[...path, name]} required={required.has(name)} ctx={ctx} />
        </div>
      ))}
      {more.length > 0 ? (
        <details open={moreOpen} className="rounded border border-dashed border-slate-300 p-2 sm:col-span-2 dark:border-slate-600">
          <summary className="cursor-pointer text-sm text-slate-700 dark:text-slate-300">More fields ({more.map(([n]) => humanize(n)).slice(0, 3).join(", ")}{more.length > 3 ? ", …" : ""})</summary>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            {more.map(([name, s]) => (
              <div key={name} className={wide(s) ? "sm:col-span-2" : undefined}>
                <Field name={name} schema={s} path={[...path, name]} required={false} ctx={ctx} />
              </div>
            ))}
          </div>
        </details>
      ) : null}
    </div>
  );
}

const inputClass = "w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100";

function Field({ name, schema, path, required, ctx }: { name: string; schema: JsonSchema; path: Path; required: boolean; ctx: FormContext }) {
  const id = fieldId(path);
  const label = humanize(name);
  const value = getIn(ctx.doc, path);
  const messages = ctx.issues.get(pathKey(path));
  const warnings = ctx.warnings.get(pathKey(path));
  const errorId = `${id}-error`;
  const invalid = Boolean(messages && messages.length > 0);
  const described = invalid || warnings ? errorId : undefined;
  const kind = kindOf(schema);

  switch (kind) {
    case "boolean": {
      const checked = typeof value === "boolean" ? value : schema.default === true;
      return (
        <div>
          <div className="flex items-center gap-2">
            <input id={id} type="checkbox" className="h-4 w-4" checked={checked} aria-invalid={invalid || undefined} aria-describedby={described} onChange={(e) => ctx.onChange(path, e.target.checked)} />
            <label htmlFor={id} className="text-sm">{label}</label>
          </div>
          <Issues id={errorId} messages={messages} warnings={warnings} />
        </div>
      );
    }
    case "enum": {
      const options = (schema.enum ?? []).map(String);
      const current = value === undefined ? "" : String(value);
      return (
        <div>
          <label htmlFor={id} className="block text-sm font-medium">{label}</label>
          <select id={id} className={inputClass} value={current} aria-invalid={invalid || undefined} aria-describedby={described} onChange={(e) => ctx.onChange(path, e.target.value === "" ? undefined : e.target.value)}>
            {!required ? <option value="">{schema.default !== undefined ? `(default: ${String(schema.default)})` : "(none)"}</option> : null}
            {required && current === "" ? <option value="">Choose…</option> : null}
            {options.map((o) => <option key={o} value={o}>{o}</option>)}
          </select>
          <Issues id={errorId} messages={messages} warnings={warnings} />
        </div>
      );
    }
    case "number": {
      const current = typeof value === "number" ? String(value) : "";
      return (
        <div>
          <label htmlFor={id} className="block text-sm font-medium">{label}</label>
          <input
            id={id}
            type="number"
            inputMode="numeric"
            className={inputClass}
            value={current}
            min={schema.minimum}
            max={schema.maximum}
            placeholder={schema.default !== undefined ? `default ${String(schema.default)}` : undefined}
            aria-invalid={invalid || undefined}
            aria-describedby={described}
            onChange={(e) => ctx.onChange(path, e.target.value === "" ? undefined : Number(e.target.value))}
          />
          <Issues id={errorId} messages={messages} warnings={warnings} />
        </div>
      );
    }
    case "string":
      return <StringField id={id} label={label} name={name} path={path} value={value} required={required} schema={schema} ctx={ctx} messages={messages} />;
    case "stringArray":
      return <StringListField id={id} label={label} name={name} path={path} value={value} ctx={ctx} messages={messages} />;
    case "object": {
      if (value === undefined && !required) {
        return (
          <div>
            <span className="text-sm font-medium">{label}</span>{" "}
            <button type="button" className="ml-2 rounded border border-slate-300 px-2 py-0.5 text-xs dark:border-slate-600" onClick={() => ctx.onChange(path, emptyValue({ ...schema, default: undefined }))}>
              Add {label.toLowerCase()}
            </button>
          </div>
        );
      }
      return (
        <fieldset className="rounded border border-slate-200 p-2 dark:border-slate-700" aria-describedby={described}>
          <legend className="px-1 text-sm font-semibold">{label}</legend>
          <Issues id={errorId} messages={messages} />
          <ObjectFields schema={schema} path={path} ctx={ctx} />
          {!required ? (
            <button type="button" className="mt-2 rounded border border-slate-300 px-2 py-0.5 text-xs dark:border-slate-600" onClick={() => ctx.onChange(path, undefined)}>
              Remove {label.toLowerCase()}
            </button>
          ) : null}
        </fieldset>
      );
    }
    case "objectArray": {
      const items = Array.isArray(value) ? value : [];
      const itemLabel = singular(label);
      const itemSchema = schema.items ?? {};
      return (
        <fieldset className="rounded border border-slate-200 p-2 dark:border-slate-700" aria-describedby={described}>
          <legend className="px-1 text-sm font-semibold">{label} ({items.length})</legend>
          <Issues id={errorId} messages={messages} />
          <ol className="space-y-2">
            {items.map((_, i) => {
              const itemPath = [...path, i];
              const itemMessages = ctx.issues.get(pathKey(itemPath));
              return (
                <li key={i}>
                  <fieldset className="rounded border border-slate-200 bg-slate-50/60 p-2 dark:border-slate-700 dark:bg-slate-900/40">
                    <legend className="px-1 text-sm font-medium">{itemLabel} {i + 1}</legend>
                    <Issues id={`${fieldId(itemPath)}-error`} messages={itemMessages} />
                    <ObjectFields schema={itemSchema} path={itemPath} ctx={ctx} />
                    <button type="button" className="mt-2 rounded border border-red-300 px-2 py-0.5 text-xs text-red-800 dark:border-red-800 dark:text-red-300" onClick={() => ctx.onChange(itemPath, undefined)}>
                      Remove {itemLabel.toLowerCase()} {i + 1}
                    </button>
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <button type="button" className="mt-2 rounded border border-slate-300 px-2 py-0.5 text-sm dark:border-slate-600" onClick={() => ctx.onChange([...path, items.length], emptyValue(itemSchema))}>
            Add {itemLabel.toLowerCase()}
          </button>
        </fieldset>
      );
    }
    case "json":
      return (
        <div>
          <span className="text-sm font-medium">{label}</span>
          <p className="text-xs text-slate-600 dark:text-slate-400">{value === undefined ? "Not set." : "Set."} Edit this field in the JSON view.</p>
          <Issues id={errorId} messages={messages} />
        </div>
      );
    default:
      return kind satisfies never;
  }
}

type TextFieldProps = { id: string; label: string; name: string; path: Path; value: Json | undefined; ctx: FormContext; messages: string[] | undefined };

function StringField({ id, label, name, path, value, required, schema, ctx, messages }: TextFieldProps & { required: boolean; schema: JsonSchema }) {
  const listId = useId();
  const suggestions = suggestionsFor(ctx.doc, name);
  const invalid = Boolean(messages && messages.length > 0);
  const warnings = ctx.warnings.get(pathKey(path));
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      <input
        id={id}
        type="text"
        className={inputClass}
        value={typeof value === "string" ? value : ""}
        list={suggestions.length > 0 ? listId : undefined}
        placeholder={schema.default !== undefined ? `default ${String(schema.default)}` : undefined}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid || warnings ? `${id}-error` : undefined}
        // An emptied optional field is removed, as if it had never been written.
        onChange={(e) => ctx.onChange(path, e.target.value === "" && !required ? undefined : e.target.value)}
      />
      {suggestions.length > 0 ? (
        <datalist id={listId}>
          {suggestions.map((s) => <option key={s} value={s} />)}
        </datalist>
      ) : null}
      <Issues id={`${id}-error`} messages={messages} warnings={warnings} />
    </div>
  );
}

function splitList(text: string): string[] {
  return text.split(",").map((s) => s.trim()).filter(Boolean);
}

/** A list of ids or CIDR blocks, typed comma-separated (one field, so it stays keyboard-friendly). */
function StringListField({ id, label, name, path, value, ctx, messages }: TextFieldProps) {
  const items = Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  const joined = items.join(", ");
  const [text, setText] = useState(joined);
  // Follow changes made elsewhere (undo, the JSON view) without fighting the learner's typing.
  useEffect(() => {
    setText((current) => (splitList(current).join(", ") === joined ? current : joined));
  }, [joined]);
  const suggestions = suggestionsFor(ctx.doc, name);
  const hintId = `${id}-hint`;
  // Errors on single elements (subnetIds.1) belong to this field too.
  const prefix = `${pathKey(path)}.`;
  const all = [...(messages ?? []), ...[...ctx.issues.entries()].filter(([k]) => k.startsWith(prefix)).map(([k, m]) => `item ${Number(k.slice(prefix.length)) + 1}: ${m.join("; ")}`)];
  const invalid = all.length > 0;
  const warnings = [...ctx.warnings.entries()].filter(([k]) => k === pathKey(path) || k.startsWith(prefix)).flatMap(([, m]) => m);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      <input
        id={id}
        type="text"
        className={inputClass}
        value={text}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={invalid || undefined}
        aria-describedby={[hintId, invalid || warnings.length > 0 ? `${id}-error` : ""].filter(Boolean).join(" ")}
        onChange={(e) => {
          setText(e.target.value);
          ctx.onChange(path, splitList(e.target.value));
        }}
      />
      <p id={hintId} className="text-xs text-slate-600 dark:text-slate-400">
        Comma-separated.{suggestions.length > 0 ? ` Known: ${suggestions.slice(0, 8).join(", ")}${suggestions.length > 8 ? ", …" : ""}` : ""}
      </p>
      <Issues id={`${id}-error`} messages={invalid ? all : undefined} warnings={warnings} />
    </div>
  );
}
