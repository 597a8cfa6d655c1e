// The two files `hive-oncall simulate` writes: a kubeconfig for kubectl and client-node, and a hive-oncall
// config pointing every source at the simulator (the same config shape a real installation uses).
import { stringify } from 'yaml';

export function kubeconfigYaml(baseUrl: string, context: string): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    // client-node refuses plain http unless TLS verification is explicitly off; the simulator is loopback-only.
    clusters: [{ name: context, cluster: { server: baseUrl, 'insecure-skip-tls-verify': true } }],
    users: [{ name: 'oncall', user: { token: 'hive-demo-token' } }],
    contexts: [{ name: context, context: { cluster: context, user: 'oncall' } }],
    'current-context': context,
  });
}

export function hiveConfigYaml(baseUrl: string, kubeconfigPath: string, context: string, members: number): string {
  const header = '# Written by `hive-oncall simulate`: every source points at the embedded simulator.\n';
  return (
    header +
    stringify({
      kubernetes: { kubeconfig: kubeconfigPath, context },
      prometheus: { url: `${baseUrl}/prometheus` },
      alertmanager: { url: `${baseUrl}/alertmanager` },
      loki: { url: baseUrl },
      consensus: { etcd: { endpoints: Array.from({ length: members }, (_, i) => `${baseUrl}/etcd/${i}`) } },
    })
  );
}
