import { autocerts } from './autocerts.js';
import { cis } from './cis.js';
import { clusteradmin } from './clusteradmin.js';
import { cncf } from './cncf.js';
import type { CheckFunction } from './context.js';
import { hamasters } from './hamasters.js';
import { havenversion } from './havenversion.js';
import { haworkers } from './haworkers.js';
import { kubernetesversion } from './kubernetesversion.js';
import { kubescape } from './kubescape.js';
import { logs } from './logs.js';
import { metrics } from './metrics.js';
import { multiaz } from './multiaz.js';
import { nodehardening } from './nodehardening.js';
import { privatenetworking } from './privatenetworking.js';
import { rbac } from './rbac.js';
import { rwxvolumes } from './rwxvolumes.js';
import { shavalidation } from './shavalidation.js';

/**
 * The check functions by name. Joined with compliance/haven/v12/<name>.yaml by loadCatalogue,
 * which fails when either side is missing; the order of reports comes from sorting, not from here.
 */
export const checkFunctions: Readonly<Record<string, CheckFunction>> = {
  autocerts,
  cis,
  clusteradmin,
  cncf,
  hamasters,
  havenversion,
  haworkers,
  kubernetesversion,
  kubescape,
  logs,
  metrics,
  multiaz,
  nodehardening,
  privatenetworking,
  rbac,
  rwxvolumes,
  shavalidation,
};
