import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web UI: root `web/`, output `web/dist` (served by the platform with an SPA fallback).
 * Vendor code is split by library so no chunk is huge and each caches on its own; pages are lazy-loaded,
 * so ECharts is fetched only when the command centre is opened. Ant Design alone is ~900 kB minified,
 * so it is split four ways: its core, navigation and overlays, form controls, and data display.
 */
const ANTD_DATA = /^(table|pagination|tree|tree-select|select|descriptions|list|transfer|cascader|auto-complete|virtual-list)$/;
const ANTD_NAV = /^(menu|dropdown|breadcrumb|layout|steps|timeline|tabs|typography|card|result|drawer|modal|dialog|popconfirm|popover|tooltip|trigger|notification|message|collapse|image|tour|float-button|qrcode|carousel|calendar|watermark|splitter)$/;
const ANTD_FORM = /^(form|input|input-number|textarea|checkbox|radio|switch|date-picker|picker|time-picker|upload|segmented|slider|rate|color-picker|mentions|async-validator)$/;

function vendorChunk(id: string): string | null {
  const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)(?:[\\/](?:es|lib)[\\/]([^\\/.]+))?/.exec(id);
  if (!m) return null;
  const [, pkg, sub] = m;
  if (/^(react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)$/.test(pkg)) return 'react';
  if (pkg === 'zrender') return 'zrender';
  // Chart types (line, bar, sankey, …) apart from the core, so the core chunk stays small as modules add charts.
  if (pkg === 'echarts' && sub === 'chart') return 'echarts-charts';
  if (/^(echarts|echarts-for-react|size-sensor)$/.test(pkg)) return 'echarts';
  if (pkg === '@ant-design/icons' || pkg === '@ant-design/icons-svg') return 'antd-icons';
  const part = pkg === 'antd' ? sub ?? '' : pkg.startsWith('@rc-component/') ? pkg.slice('@rc-component/'.length) : null;
  if (part !== null) return ANTD_DATA.test(part) ? 'antd-data' : ANTD_FORM.test(part) ? 'antd-form' : ANTD_NAV.test(part) ? 'antd-nav' : 'antd';
  if (/^(@ant-design|@emotion|rc-|dayjs|stylis|classnames|throttle-debounce|scroll-into-view-if-needed|compute-scroll-into-view|json2mq|copy-to-clipboard|toggle-selection|string-convert|resize-observer-polyfill)/.test(pkg)) return 'antd';
  if (pkg === 'zod') return 'zod';
  if (/^(i18next|react-i18next|html-parse-stringify|void-elements)$/.test(pkg)) return 'i18n';
  return 'vendor';
}

/**
 * Groups are formed in this order (priority): a group also takes the modules its modules import, so the
 * libraries others depend on (React, zrender, Ant Design's core) must be claimed first.
 */
const CHUNK_ORDER = ['react', 'zrender', 'echarts', 'echarts-charts', 'antd-icons', 'antd', 'antd-nav', 'antd-form', 'antd-data', 'zod', 'i18n', 'vendor'];
const GROUPS = CHUNK_ORDER.map((name, i) => ({
  name,
  test: (id: string) => vendorChunk(id) === name,
  priority: CHUNK_ORDER.length - i,
}));

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 450,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: GROUPS },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:8080', changeOrigin: false } },
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
});
