import type { ThemeConfig } from 'antd';

/** One theme for the whole UI (Ant Design tokens): the deep blue-green of government carbon platforms. */
export const BRAND = {
  primary: '#13735a',
  header: '#0c3b4e',
  headerText: '#ffffff',
};

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND.primary,
    colorInfo: '#1d6fb8',
    borderRadius: 4,
    fontFamily: `-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif`,
  },
  components: {
    Layout: { headerBg: BRAND.header, headerHeight: 60, headerPadding: '0 20px', bodyBg: '#f0f2f5', siderBg: '#ffffff' },
    Table: { headerBg: '#f2f6f8' },
    Menu: { itemSelectedBg: '#e3f2ec', itemSelectedColor: BRAND.primary, itemActiveBg: '#eef6f2', subMenuItemBg: '#fafbfb' },
  },
};
