/**
 * The sectors of a scenario base year made from an inventory (inventory-base.ts): the documented sample's
 * scheme, so its scenarios fit, each listing the final-consumption sectors of the energy balance it takes.
 * A file of its own (no imports) so the web UI can name them without loading the accounting core.
 */
export const INVENTORY_SECTORS = [
  { id: 'primary', name: '第一产业', nameEn: 'Agriculture', driver: 'valueAdded', from: ['agriculture'] },
  { id: 'industry', name: '工业（含能源加工转换及损失）', nameEn: 'Industry (incl. energy conversion and losses)', driver: 'valueAdded', from: ['industry'] },
  { id: 'construction', name: '建筑业', nameEn: 'Construction', driver: 'valueAdded', from: ['construction'] },
  { id: 'transport', name: '交通运输、仓储和邮政业', nameEn: 'Transport, storage and post', driver: 'valueAdded', from: ['transport'] },
  { id: 'services', name: '其他服务业', nameEn: 'Other services', driver: 'valueAdded', from: ['commerce', 'otherServices'] },
  { id: 'households', name: '城乡居民生活', nameEn: 'Households', driver: 'population', from: ['residentialUrban', 'residentialRural'] },
] as const satisfies readonly { id: string; name: string; nameEn: string; driver: 'valueAdded' | 'population'; from: readonly string[] }[];
