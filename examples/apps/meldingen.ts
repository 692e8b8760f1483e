// The meldingen example of meldingen.yaml, in TypeScript: `havenkit synth --app examples/apps/meldingen.ts`.
// The default export is the app's props; the import is type-only, so the module runs without
// resolving @havenkit/constructs. To build constructs yourself, export a function instead:
//   export default (scope, { profile }) => new HavenApp(scope, 'meldingen', { profile, name, components });
import type { ApplicationProps } from '@havenkit/constructs';

const version = '2.4.1';

const app: ApplicationProps = {
  name: 'meldingen',
  components: [
    {
      name: 'api',
      image: `registry.example.eu/meldingen/api:${version}`,
      port: 8000,
      replicas: 3,
      env: { DJANGO_SETTINGS_MODULE: 'meldingen.settings.production' },
      envFromSecret: 'meldingen-api',
      resources: { cpu: '250m', memory: '512Mi' },
      autoscale: { enabled: true, maxReplicas: 6 },
      health: { path: '/status/health' },
      storage: [{ name: 'media', size: '20Gi', shared: true, mountPath: '/app/media' }],
      writablePaths: ['/tmp'],
    },
    {
      name: 'frontend',
      image: `registry.example.eu/meldingen/frontend:${version}`,
      port: 8080,
      replicas: 2,
      ingress: { host: 'meldingen.gemeente.example.nl', path: '/' },
      connectsTo: ['api'],
    },
  ],
};

export default app;
