#!/usr/bin/env python3
"""Write or merge an Arabic .resx: resx.py PATH.ar.resx < pairs.tsv  (each line: English<TAB>Arabic). Existing keys are replaced."""
import html, sys, re, os
path = sys.argv[1]
pairs = {}
if os.path.exists(path):
    for k, v in re.findall(r'<data name="(.*?)" xml:space="preserve"><value>(.*?)</value></data>', open(path, encoding='utf-8').read(), re.S):
        pairs[html.unescape(k)] = html.unescape(v)
for line in sys.stdin.read().splitlines():
    if not line.strip(): continue
    k, v = line.split('\t', 1)
    pairs[k] = v
head = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''
body = ''.join(f'  <data name="{html.escape(k, quote=True)}" xml:space="preserve"><value>{html.escape(v, quote=False)}</value></data>\n' for k, v in pairs.items())
os.makedirs(os.path.dirname(path) or '.', exist_ok=True)
open(path, 'w', encoding='utf-8').write(head + body + '</root>\n')
