import { load, loadAll } from 'js-yaml';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
// Imported for its side effect: every config namespace (games' included) registers its variables.
import { AppModule } from '../../src/app.module';
import { DECLARED_VARIABLES } from '../../src/config';

/**
 * deploy/kubernetes must not rot: every object validates offline against the Kubernetes schemas
 * bundled in `kubernetes-models` (types, required fields, enums), no field is unknown to them
 * (checked against the same package's TypeScript interfaces, like `kubectl --validate=strict`),
 * every kustomization lists exactly the files that exist, and the settings the gateway relies
 * on (probes, drain time, secrets, autoscaling metric, environment names and values) hold.
 */
const ROOT = join(__dirname, '../..');
const DEPLOY = join(ROOT, 'deploy/kubernetes');
const HELM_VALUES = new Set(['prometheus-adapter/rules.yaml']); // values for a chart, not objects

type Manifest = Record<string, any> & { apiVersion: string; kind: string; metadata: { name: string; annotations?: Record<string, string> } };

/** apiVersion/kind → where kubernetes-models keeps its class (validation) and interface (field names). */
const MODELS: Record<string, { module: string; name: string }> = {
  'apps/v1/Deployment': { module: 'apps/v1', name: 'Deployment' },
  'apps/v1/StatefulSet': { module: 'apps/v1', name: 'StatefulSet' },
  'v1/Service': { module: 'v1', name: 'Service' },
  'v1/ConfigMap': { module: 'v1', name: 'ConfigMap' },
  'v1/Secret': { module: 'v1', name: 'Secret' },
  'policy/v1/PodDisruptionBudget': { module: 'policy/v1', name: 'PodDisruptionBudget' },
  'autoscaling/v2/HorizontalPodAutoscaler': { module: 'autoscaling/v2', name: 'HorizontalPodAutoscaler' },
  'networking.k8s.io/v1/Ingress': { module: 'networking.k8s.io/v1', name: 'Ingress' },
};
const modelKey = (m: { apiVersion: string; kind: string }) => `${m.apiVersion}/${m.kind}`;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? yamlFiles(path) : name.endsWith('.yaml') ? [relative(DEPLOY, path)] : [];
  });
}
const read = (file: string) => readFileSync(join(DEPLOY, file), 'utf8');
const files = yamlFiles(DEPLOY).filter((file) => !HELM_VALUES.has(file));
const kustomizations = files.filter((file) => file.endsWith('kustomization.yaml'));
const manifests = files
  .filter((file) => !kustomizations.includes(file))
  .flatMap((file) => (loadAll(read(file)) as Manifest[]).map((object): [string, Manifest] => [file, object]));
const byKind = (kind: string) => manifests.map(([, m]) => m).filter((m) => m.kind === kind);

/** KEY=VALUE lines of an env file (comments and blank lines skipped). */
function envFile(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of read(file).split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) out[match[1]] = match[2];
  }
  return out;
}

/** The ConfigMap data each overlay generates: the base's env file merged with the overlay's literals. */
function generatedConfig(overlay: string): Record<string, string> {
  const base = load(read('base/kustomization.yaml')) as any;
  const data = envFile(join('base', base.configMapGenerator[0].envs[0]));
  const own = (load(read(join(overlay, 'kustomization.yaml'))) as any).configMapGenerator ?? [];
  for (const generator of own) for (const literal of generator.literals ?? []) {
    const [key, ...value] = String(literal).split('=');
    data[key] = value.join('=');
  }
  return data;
}
const overlays = kustomizations.filter((file) => file.startsWith('overlays/')).map(dirname);

function validationErrors(object: Manifest): string[] {
  const model = MODELS[modelKey(object)];
  if (!model) return [`${modelKey(object)} has no schema here: add it to MODELS in this test`];
  const Class = require(`kubernetes-models/${model.module}`)[model.name];
  try {
    new Class(object).validate();
  } catch (error) {
    return [(error as Error).message];
  }
  return unknownFields(object, model);
}

/** One TypeScript program over the interfaces of every kind used (built on first use). */
let program: ts.Program | undefined;
const declarationsOf = (model: { module: string; name: string }) =>
  require.resolve(`kubernetes-models/${model.module}/${model.name}`).replace(/\.js$/, '.d.ts');

/** Fields of `object` that the kubernetes-models interface of its kind does not declare (typos, wrong nesting). */
function unknownFields(object: Manifest, model: { module: string; name: string }): string[] {
  program ??= ts.createProgram(Object.values(MODELS).map(declarationsOf), { strict: true, noEmit: true, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(declarationsOf(model))!)!;
  const iface = checker.getExportsOfModule(module).find((symbol) => symbol.name === `I${model.name}`)!;
  const out: string[] = [];
  const walk = (value: unknown, type: ts.Type, path: string): void => {
    if (value === null || typeof value !== 'object') return;
    const candidates = (type.isUnion() ? type.types : [type]).filter((t) => t.flags & ts.TypeFlags.Object);
    if (Array.isArray(value)) {
      const element = candidates.map((t) => t.getNumberIndexType()).find(Boolean);
      if (element) value.forEach((item, i) => walk(item, element, `${path}[${i}]`));
      return;
    }
    if (candidates.length === 0 || candidates.some((t) => t.getStringIndexType())) return; // a map: labels, requests, data
    for (const [key, child] of Object.entries(value)) {
      const property = candidates.map((t) => t.getProperty(key)).find(Boolean);
      if (!property) out.push(`unknown field ${path}.${key}`);
      else walk(child, checker.getNonNullableType(checker.getTypeOfSymbol(property)), `${path}.${key}`);
    }
  };
  walk(object, checker.getDeclaredTypeOfSymbol(iface), object.kind);
  return out;
}

describe('Kubernetes manifests (deploy/kubernetes)', () => {
  const [deployment] = byKind('Deployment');
  const pod = deployment?.spec.template.spec;
  const container = pod?.containers.find((c: any) => c.name === 'gateway');

  it('should have a gateway Deployment, Service, PodDisruptionBudget and autoscaler, and a Redis StatefulSet for dev', () => {
    expect(byKind('Deployment').map((m) => m.metadata.name)).toEqual(['game-gateway']);
    expect(byKind('Service').map((m) => m.metadata.name).sort()).toEqual(['game-gateway', 'redis']);
    expect(byKind('PodDisruptionBudget')).toHaveLength(1);
    expect(byKind('HorizontalPodAutoscaler')).toHaveLength(1);
    expect(byKind('StatefulSet').map((m) => m.metadata.name)).toEqual(['redis']);
  });

  it.each(manifests.map(([file, m]) => [`${file} ${m.kind}/${m.metadata?.name}`, m]))('should validate %s against the Kubernetes schema, with no unknown field', (_name, manifest) => {
    expect(validationErrors(manifest as Manifest)).toEqual([]);
  });

  it('should catch a misspelled field and a wrong type (the validation is not a no-op)', () => {
    const broken = structuredClone(deployment);
    broken.spec.template.spec.containers[0].readinesProbe = broken.spec.template.spec.containers[0].readinessProbe;
    expect(validationErrors(broken)).toEqual(['unknown field Deployment.spec.template.spec.containers[0].readinesProbe']);
    const wrongType = structuredClone(deployment);
    wrongType.spec.template.spec.containers[0].ports[0].containerPort = 'eighty';
    expect(validationErrors(wrongType).join()).toContain('containerPort must be integer');
  });

  it('should validate the ConfigMap and Secret that the kustomizations generate', () => {
    for (const overlay of overlays) {
      const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'game-gateway-config' }, data: generatedConfig(overlay) };
      expect(validationErrors(configMap)).toEqual([]);
    }
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'game-gateway-secrets' }, type: 'Opaque', stringData: envFile('base/secrets.env.example') };
    expect(validationErrors(secret)).toEqual([]);
  });

  it('should list in the kustomizations exactly the files that exist', () => {
    const listed = new Set<string>();
    for (const file of kustomizations) {
      const k = load(read(file)) as any;
      for (const resource of k.resources ?? []) {
        const path = join(dirname(file), resource);
        expect(() => statSync(join(DEPLOY, path))).not.toThrow();
        listed.add(path);
      }
      for (const generator of [...(k.configMapGenerator ?? []), ...(k.secretGenerator ?? [])]) {
        for (const env of generator.envs ?? []) {
          // secrets.env is made by the operator from its committed example.
          const path = join(dirname(file), env === 'secrets.env' ? 'secrets.env.example' : env);
          expect(() => statSync(join(DEPLOY, path))).not.toThrow();
        }
      }
    }
    const objectFiles = [...new Set(manifests.map(([file]) => file))];
    expect(objectFiles.filter((file) => !listed.has(file))).toEqual([]);
  });

  it('should use only environment variables the gateway declares, with values it accepts', () => {
    expect(AppModule).toBeDefined();
    const named: Array<[string, string | undefined]> = [];
    for (const [, m] of manifests) for (const c of m.spec?.template?.spec?.containers ?? []) {
      for (const e of c.env ?? []) named.push([e.name, e.value]);
    }
    for (const overlay of overlays) for (const [key, value] of Object.entries(generatedConfig(overlay))) named.push([key, value]);
    for (const key of Object.keys(envFile('base/secrets.env.example'))) named.push([key, undefined]);
    const unknown = named.filter(([key]) => !DECLARED_VARIABLES.has(key)).map(([key]) => key);
    expect(unknown).toEqual([]);
    for (const [key, value] of named) if (value) expect(() => DECLARED_VARIABLES.get(key)!.parse(value)).not.toThrow();
  });

  it('should probe readiness on /ready and liveness on /health on the container port', () => {
    const port = container.ports.find((p: any) => p.name === 'http');
    expect(Number(generatedConfig('overlays/dev').PORT)).toBe(port.containerPort);
    expect(container.readinessProbe.httpGet).toEqual({ path: '/ready', port: 'http' });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/health', port: 'http' });
  });

  it('should give the preStop pause and the 1012 drain (SHUTDOWN_TIMEOUT_MS) time within terminationGracePeriodSeconds', () => {
    const [, seconds] = container.lifecycle.preStop.exec.command;
    const shutdownMs = Number(generatedConfig('overlays/dev').SHUTDOWN_TIMEOUT_MS ?? DECLARED_VARIABLES.get('SHUTDOWN_TIMEOUT_MS')!.default);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(Number(seconds) + shutdownMs / 1000 + 1);
  });

  it('should take RESUME_TOKEN_SECRET (required) and AUTH_SECRET (optional) from the Secret the base generates', () => {
    const refs = Object.fromEntries(container.env.filter((e: any) => e.valueFrom?.secretKeyRef).map((e: any) => [e.name, e.valueFrom.secretKeyRef]));
    const secretName = (load(read('base/kustomization.yaml')) as any).secretGenerator[0].name;
    expect(refs.RESUME_TOKEN_SECRET).toEqual({ name: secretName, key: 'RESUME_TOKEN_SECRET' });
    expect(refs.AUTH_SECRET).toEqual({ name: secretName, key: 'AUTH_SECRET', optional: true });
    expect(Object.keys(envFile('base/secrets.env.example')).sort()).toEqual(['AUTH_SECRET', 'RESUME_TOKEN_SECRET']);
  });

  it('should scale the Deployment on gateway_connections per pod, the metric the Prometheus adapter rule serves', () => {
    const [hpa] = byKind('HorizontalPodAutoscaler');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name });
    const pods = hpa.spec.metrics.find((m: any) => m.type === 'Pods');
    expect(pods.pods.metric.name).toBe('gateway_connections');
    const adapter = load(read('prometheus-adapter/rules.yaml')) as any;
    expect(adapter.rules.custom.map((rule: any) => rule.name.as)).toContain('gateway_connections');
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2); // a drain always has somewhere to go
  });

  it("should route the Ingresses to the gateway Service's port, one of them hashing on the room id (room placement)", () => {
    const service = byKind('Service').find((s) => s.metadata.name === deployment.metadata.name)!;
    const backends = byKind('Ingress').flatMap((i) => i.spec.rules.flatMap((r: any) => r.http.paths.map((p: any) => ({ path: p.path, ...p.backend.service }))));
    expect(backends.length).toBeGreaterThanOrEqual(2);
    for (const backend of backends) expect(backend).toEqual({ path: '/ws', name: service.metadata.name, port: { name: service.spec.ports[0].name } });
    const hashed = byKind('Ingress').map((i) => i.metadata.annotations?.['nginx.ingress.kubernetes.io/upstream-hash-by']);
    expect(hashed).toContain('$arg_room');
  });

  it("should select the Deployment's pods in its Service and PodDisruptionBudget, and Redis's in its Service", () => {
    const labels = deployment.spec.template.metadata.labels;
    const [pdb] = byKind('PodDisruptionBudget');
    const services = Object.fromEntries(byKind('Service').map((s) => [s.metadata.name, s]));
    expect(labels).toMatchObject(deployment.spec.selector.matchLabels);
    expect(labels).toMatchObject(pdb.spec.selector.matchLabels);
    expect(labels).toMatchObject(services['game-gateway'].spec.selector);
    const [redis] = byKind('StatefulSet');
    expect(redis.spec.template.metadata.labels).toMatchObject(services.redis.spec.selector);
    expect(generatedConfig('overlays/dev').REDIS_URL).toBe(`redis://${services.redis.metadata.name}:${services.redis.spec.ports[0].port}`);
    expect(generatedConfig('overlays/managed-redis')).toMatchObject({ REDIS_CLUSTER: 'true' });
  });
});
