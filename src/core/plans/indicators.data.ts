/**
 * The indicator catalogue: the indicators the seed plans and the corpus actually state targets for
 * (assets/plans/*.txt, assets/plans/corpus/*.txt), with the synonyms read in those texts. Energy and
 * carbon indicators are in `indicators.energy.data.ts`; this file holds the sectoral ones.
 */
import type { Indicator } from './indicator-types.ts';
import { ENERGY_INDICATORS } from './indicators.energy.data.ts';

type Row = [code: string, zh: string, en: string, unit: string, dir: Indicator['direction'], agg: Indicator['aggregation'],
  kinds: Indicator['kinds'], synonyms: string[], computedFrom: string[]];

function rows(category: Indicator['category'], list: Row[]): Indicator[] {
  return list.map(([code, zh, en, unit, direction, aggregation, kinds, synonyms, computedFrom]) => (
    { code, zh, en, unit, direction, aggregation, kinds, synonyms, computedFrom, category }));
}

const H = 'higher_better';
const L = 'lower_better';

const INDUSTRY = rows('industry', [
  ['industrial_energy_intensity', '规模以上工业单位增加值能耗', 'Energy use per unit of value added, industry above designated size', '吨标准煤/万元', L, 'intensity',
    ['reduction', 'level'], ['规模以上工业单位增加值能耗', '规上工业单位增加值能耗', '规模以上工业企业单位增加值能耗', '单位工业增加值能耗', '工业单位增加值能耗'],
    ['industrial_energy_consumption', 'industrial_value_added_constant_prices']],
  ['unit_product_energy', '单位产品综合能耗', 'Comprehensive energy use per unit of product', '', L, 'energy_weighted_mean',
    ['reduction', 'level'], ['单位产品综合能耗', '生产综合能耗', '单位熟料综合能耗', '单位产品能耗'], ['enterprise_energy_consumption', 'product_output']],
  ['steel_capacity', '钢铁产能', 'Steel production capacity', '万吨', L, 'sum', ['cap'], ['钢铁产能', '粗钢产能'], ['enterprise_capacity_register']],
  ['electrolytic_aluminium_capacity', '电解铝产能', 'Electrolytic aluminium capacity', '万吨', L, 'sum', ['cap'], ['电解铝产能'], ['enterprise_capacity_register']],
  ['cement_clinker_capacity', '水泥熟料产能', 'Cement clinker capacity', '万吨', L, 'sum', ['cap'], ['水泥熟料产能'], ['enterprise_capacity_register']],
  ['crude_oil_processing_capacity', '原油一次加工能力', 'Crude oil primary processing capacity', '万吨', L, 'sum', ['cap'],
    ['原油一次性加工能力', '原油一次加工能力', '炼油能力'], ['enterprise_capacity_register']],
  ['green_factories', '绿色工厂数量', 'Number of green factories', '家', H, 'sum', ['level', 'increase'], ['绿色工厂'], ['green_manufacturing_list']],
  ['green_industrial_parks', '绿色园区数量', 'Number of green industrial parks', '家', H, 'sum', ['level', 'increase'],
    ['绿色园区', '绿色工业园区'], ['green_manufacturing_list']],
]);

const BUILDING = rows('building', [
  ['green_building_share', '城镇新建建筑中绿色建筑占比', 'Share of green buildings in new urban buildings', '%', H, 'ratio_of_sums',
    ['share'], ['绿色建筑占比', '绿色建筑面积占比', '绿色建筑占新建建筑', '执行绿色建筑标准', '绿色建筑比例'],
    ['green_building_area', 'new_building_area']],
  ['star_green_building_share', '星级绿色建筑占比', 'Share of star-rated green buildings', '%', H, 'ratio_of_sums',
    ['share'], ['星级绿色建筑占比', '星级绿色建筑比例'], ['star_green_building_area', 'new_building_area']],
  ['prefab_building_share', '装配式建筑占比', 'Share of prefabricated buildings in new construction', '%', H, 'ratio_of_sums',
    ['share'], ['装配式建筑占比', '装配式建筑占…比', '装配式建筑占', '装配式…面积占…比', '装配式建筑面积比例', '装配式建筑比例'],
    ['prefab_building_area', 'new_building_area']],
  ['building_renewable_substitution', '城镇建筑可再生能源替代率', 'Renewable substitution rate in urban buildings', '%', H, 'ratio_of_sums',
    ['share'], ['建筑可再生能源替代率', '可再生能源替代率'], ['building_renewable_energy_use', 'building_energy_consumption']],
  ['rooftop_pv_coverage', '屋顶光伏覆盖率', 'Rooftop PV coverage of new public buildings and factories', '%', H, 'ratio_of_sums',
    ['share'], ['屋顶光伏覆盖率', '光伏覆盖率', '光伏一体化应用比例'], ['rooftop_pv_area', 'eligible_roof_area']],
  ['green_building_materials_share', '绿色建材应用比例', 'Share of green building materials in new buildings', '%', H, 'ratio_of_sums',
    ['share'], ['绿色建材应用比例', '绿色建材在新建建筑中的应用比例'], ['green_building_material_use', 'building_material_use']],
]);

const TRANSPORT = rows('transport', [
  ['transport_carbon_intensity', '营运交通工具单位换算周转量碳排放强度', 'CO2 intensity of commercial transport per converted turnover', '%', L, 'intensity',
    ['reduction'], ['单位换算周转量碳排放强度', '单位换算周转量二氧化碳排放', '单位运输周转量二氧化碳排放', '单位周转量二氧化碳排放',
      '单位运输周转量碳排放', '单位周转量碳排放'],
    ['transport_fuel_consumption', 'converted_turnover']],
  ['rail_energy_intensity', '铁路单位换算周转量综合能耗', 'Railway energy use per converted turnover', '%', L, 'intensity',
    ['reduction'], ['铁路单位换算周转量综合能耗'], ['rail_energy_consumption', 'rail_converted_turnover']],
  ['nev_share', '新能源汽车占比', 'Share of new-energy vehicles in new vehicles', '%', H, 'ratio_of_sums',
    ['share'], ['新能源汽车占比', '新能源汽车销量占比', '新能源汽车新车销售量', '新能源汽车新车销售量占比', '清洁能源汽车销量占新车销量比例', '纯电动车辆占比', '新能源车辆占比', '新能源汽车比例'],
    ['nev_registrations', 'vehicle_registrations']],
  ['new_energy_transport_share', '新增新能源、清洁能源动力交通工具比例', 'Share of new- and clean-energy vehicles among newly added vehicles', '%', H, 'ratio_of_sums',
    ['share'], ['新能源、清洁能源动力的交通工具比例', '新能源、清洁能源动力交通工具比例'], ['new_vehicles_by_fuel']],
  ['green_travel_share', '绿色出行比例', 'Share of green travel (public transport, cycling, walking)', '%', H, 'ratio_of_sums',
    ['share'], ['绿色出行比例', '绿色交通出行比例', '绿色出行分担率'], ['trips_by_mode']],
  ['public_transport_share', '公共交通机动化出行分担率', 'Public transport share of motorised trips', '%', H, 'ratio_of_sums',
    ['share'], ['公交机动化出行分担率', '公共交通机动化出行分担率'], ['trips_by_mode']],
  ['public_charging_points', '公共充电桩数量', 'Number of public charging points', '个', H, 'sum',
    ['level', 'increase', 'cumulative'], ['公共充电桩', '充电桩'], ['charging_point_register']],
]);

const CIRCULAR = rows('circular', [
  ['msw_resource_recovery', '生活垃圾资源化利用比例', 'Resource recovery rate of municipal solid waste', '%', H, 'ratio_of_sums',
    ['share'], ['生活垃圾资源化利用比例', '生活垃圾资源化利用率', '生活垃圾资源化比例', '生活垃圾资源化率'], ['msw_recovered', 'msw_generated']],
  ['msw_recycling_rate', '生活垃圾回收利用率', 'Recycling rate of municipal solid waste', '%', H, 'ratio_of_sums',
    ['share'], ['生活垃圾回收利用率'], ['msw_recycled', 'msw_generated']],
  ['bulk_solid_waste_utilisation', '大宗固废综合利用率', 'Utilisation rate of bulk solid waste', '%', H, 'ratio_of_sums',
    ['share'], ['大宗固废综合利用率', '大宗固体废物综合利用率', '大宗工业固体废物综合利用率', '大宗工业固废综合利用率'],
    ['bulk_solid_waste_utilised', 'bulk_solid_waste_generated']],
  ['bulk_solid_waste_utilised', '大宗固体废物年利用量', 'Bulk solid waste utilised per year', '万吨', H, 'sum',
    ['level'], ['大宗固体废物年利用量', '大宗固废年利用量'], ['bulk_solid_waste_utilised']],
  ['industrial_solid_waste_utilisation', '一般工业固废综合利用率', 'Utilisation rate of general industrial solid waste', '%', H, 'ratio_of_sums',
    ['share'], ['一般工业固废综合利用率', '一般工业固体废物综合利用率'], ['industrial_solid_waste_utilised', 'industrial_solid_waste_generated']],
  ['construction_waste_utilisation', '建筑垃圾综合利用率', 'Utilisation rate of construction waste', '%', H, 'ratio_of_sums',
    ['share'], ['建筑垃圾综合利用率', '建筑垃圾资源化利用率'], ['construction_waste_utilised', 'construction_waste_generated']],
  ['main_waste_recycling_rate', '主要废弃物循环利用率', 'Recycling rate of main waste streams', '%', H, 'ratio_of_sums',
    ['share'], ['主要废弃物循环利用率'], ['waste_recycled', 'waste_generated']],
  // A different rate: 宁夏 states both for 2025 with different values (65 % and 85 %).
  ['renewable_resource_recovery_rate', '主要再生资源回收率', 'Recovery rate of main renewable resources', '%', H, 'ratio_of_sums',
    ['share'], ['主要再生资源回收率', '再生资源回收率'], ['renewable_resources_recovered', 'renewable_resources_generated']],
  ['renewable_resources_recycled', '主要再生资源循环利用量', 'Main renewable resources recycled per year', '万吨', H, 'sum',
    ['level'], ['再生资源循环利用量', '再生资源回收总量'], ['renewable_resources_recycled']],
]);

const SINK = rows('sink', [
  ['forest_coverage', '森林覆盖率', 'Forest coverage', '%', H, 'ratio_of_sums', ['level'], ['森林覆盖率'], ['forest_area', 'land_area']],
  ['forest_stock', '森林蓄积量', 'Forest growing stock', '万立方米', H, 'sum', ['level'], ['森林蓄积量', '森林蓄积'], ['forest_inventory_stock_volume']],
  ['standing_timber_stock', '活立木蓄积量', 'Standing timber stock', '万立方米', H, 'sum', ['level'], ['活立木蓄积量', '活立木总蓄积量'], ['forest_inventory_stock_volume']],
  ['grassland_vegetation_cover', '草原综合植被覆盖度', 'Grassland vegetation cover', '%', H, 'ratio_of_sums', ['level'], ['草原综合植被覆盖度', '草原综合植被盖度'], ['grassland_survey']],
  ['wetland_protection_rate', '湿地保护率', 'Wetland protection rate', '%', H, 'ratio_of_sums', ['level'], ['湿地保护率'], ['protected_wetland_area', 'wetland_area']],
  ['construction_land_intensity', '单位地区生产总值建设用地使用面积', 'Construction land per unit of GDP', '%', L, 'intensity',
    ['reduction'], ['单位地区生产总值建设用地使用面积', '单位GDP建设用地使用面积', '单位GDP建设用地'], ['construction_land_area', 'gdp_constant_prices']],
]);

const AGRICULTURE = rows('agriculture', [
  ['straw_utilisation', '农作物秸秆综合利用率', 'Crop straw utilisation rate', '%', H, 'ratio_of_sums', ['level'],
    ['秸秆综合利用率', '秸秆年综合利用率'], ['straw_utilised', 'straw_generated']],
  ['manure_utilisation', '畜禽粪污综合利用率', 'Livestock manure utilisation rate', '%', H, 'ratio_of_sums', ['level'],
    ['畜禽粪污综合利用率', '畜禽粪污资源化利用率', '畜禽粪污综合利用'], ['manure_utilised', 'manure_generated']],
  ['film_recovery_rate', '农膜回收率', 'Agricultural film recovery rate', '%', H, 'ratio_of_sums', ['level'], ['农膜回收率'], ['film_recovered', 'film_used']],
  ['fertiliser_pesticide_efficiency', '化肥农药利用率', 'Fertiliser and pesticide use efficiency', '%', H, 'ratio_of_sums', ['level'],
    ['化肥农药利用率', '农药化肥利用率', '化肥利用率', '农药利用率'], ['agricultural_input_survey']],
  ['high_standard_farmland', '高标准农田面积', 'High-standard farmland', '万亩', H, 'sum', ['cumulative', 'level', 'increase'],
    ['高标准农田'], ['farmland_register']],
]);

const DIGITAL = rows('digital', [
  ['data_centre_pue', '数据中心电能利用效率(PUE)', 'Data-centre power usage effectiveness (PUE)', '', L, 'energy_weighted_mean',
    ['cap', 'level'], ['PUE', '电能利用效率', '电能使用效率', '能源利用效率', '能源效率指标'], ['data_centre_total_energy', 'data_centre_it_energy']],
]);

/** Every catalogue indicator. */
export const INDICATORS: readonly Indicator[] = [
  ...ENERGY_INDICATORS, ...INDUSTRY, ...BUILDING, ...TRANSPORT, ...CIRCULAR, ...SINK, ...AGRICULTURE, ...DIGITAL,
];
