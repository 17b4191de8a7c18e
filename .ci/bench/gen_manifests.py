#!/usr/bin/env python3
"""Writes N Deployment documents of about 1 KB each, as one multi-document YAML stream, or with
--files DIR as one file per document (DIR/deployment-00000.yaml …).

    python3 .ci/bench/gen_manifests.py 8000 > /tmp/deployments.yaml
    python3 .ci/bench/gen_manifests.py 8000 --files /tmp/deployments
"""
import os
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 8000
folder = sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == "--files" else None
if folder:
    os.makedirs(folder, exist_ok=True)
out = sys.stdout
for i in range(n):
    if folder:
        out = open(os.path.join(folder, f"deployment-{i:05d}.yaml"), "w")
    out.write(f"""---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: service-{i}
  namespace: team-{i % 20}
  labels:
    app: service-{i}
    team: team-{i % 20}
    tier: backend
  annotations:
    deployment.kubernetes.io/revision: "{i % 7 + 1}"
spec:
  replicas: {i % 5 + 1}
  selector:
    matchLabels:
      app: service-{i}
  template:
    metadata:
      labels:
        app: service-{i}
        team: team-{i % 20}
    spec:
      serviceAccountName: service-{i}
      containers:
      - name: app
        image: registry.example.com/team-{i % 20}/service-{i}:1.{i % 40}.0
        ports:
        - containerPort: 8080
          name: http
        env:
        - name: LOG_LEVEL
          value: info
        resources:
          requests:
            cpu: {100 + (i % 8) * 50}m
            memory: {128 * (1 + i % 4)}Mi
          limits:
            cpu: "1"
            memory: 1Gi
        readinessProbe:
          httpGet: {{path: /healthz, port: http}}
          periodSeconds: 10
      - name: proxy
        image: envoyproxy/envoy:v1.31.0
        resources:
          requests: {{cpu: 50m, memory: 64Mi}}
""")
    if folder:
        out.close()
