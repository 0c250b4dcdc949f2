-- 0081 checklist templates (Postgres): the seeded checklists of issue 7, version 1, one per type
-- of target. The command centre edits them through the application, which writes a new version;
-- these rows stay for the inspections that used them.

INSERT INTO checklist_templates (key, target_type, title, version, is_current, created_by, created_at) VALUES ('nursing-home', 'NursingHome', '养老院封闭管理检查清单', 1, TRUE, 'system', '2022-03-01T00:00:00+00:00');

INSERT INTO checklist_items (template_id, no, text, category, severity) VALUES
    ((SELECT id FROM checklist_templates WHERE key = 'nursing-home' AND version = 1), 1, '实行封闭管理，大门有专人值守，非必要人员一律不得进入', 'ClosedManagement', 'Serious'),
    ((SELECT id FROM checklist_templates WHERE key = 'nursing-home' AND version = 1), 2, '工作人员在院内闭环居住，不与外界接触，轮换前后按规定检测', 'ClosedManagement', 'Serious'),
    ((SELECT id FROM checklist_templates WHERE key = 'nursing-home' AND version = 1), 3, '老人和工作人员每日健康监测、体温登记完整', 'ClosedManagement', 'Major'),
    ((SELECT id FROM checklist_templates WHERE key = 'nursing-home' AND version = 1), 4, '按规定频次开展核酸检测，结果可查', 'Testing', 'Major'),
    ((SELECT id FROM checklist_templates WHERE key = 'nursing-home' AND version = 1), 5, '物资配送无接触交接，外来物品消毒后入院', 'Supplies', 'Minor'),
    ((SELECT id FROM checklist_templates WHERE key = 'nursing-home' AND version = 1), 6, '设置隔离观察室，出现发热等症状立即隔离并报告', 'ClosedManagement', 'Serious'),
    ((SELECT id FROM checklist_templates WHERE key = 'nursing-home' AND version = 1), 7, '院内环境定时消毒，消毒记录完整', 'ClosedManagement', 'Minor');

INSERT INTO checklist_templates (key, target_type, title, version, is_current, created_by, created_at) VALUES ('hospital', 'Hospital', '医院院感防控检查清单', 1, TRUE, 'system', '2022-03-01T00:00:00+00:00');

INSERT INTO checklist_items (template_id, no, text, category, severity) VALUES
    ((SELECT id FROM checklist_templates WHERE key = 'hospital' AND version = 1), 1, '预检分诊落实，发热门诊独立设置、闭环管理', 'InfectionControl', 'Serious'),
    ((SELECT id FROM checklist_templates WHERE key = 'hospital' AND version = 1), 2, '黄码患者与绿码患者分区就诊、分通道通行，不交叉', 'InfectionControl', 'Serious'),
    ((SELECT id FROM checklist_templates WHERE key = 'hospital' AND version = 1), 3, '住院患者及陪护人员核酸检测阴性方可入院，陪护固定', 'InfectionControl', 'Major'),
    ((SELECT id FROM checklist_templates WHERE key = 'hospital' AND version = 1), 4, '医务人员防护用品穿脱规范，有专人监督', 'InfectionControl', 'Major'),
    ((SELECT id FROM checklist_templates WHERE key = 'hospital' AND version = 1), 5, '病区实行封闭管理，严格探视制度', 'InfectionControl', 'Major'),
    ((SELECT id FROM checklist_templates WHERE key = 'hospital' AND version = 1), 6, '医疗废物按规定收集、暂存、转运，台账完整', 'InfectionControl', 'Minor'),
    ((SELECT id FROM checklist_templates WHERE key = 'hospital' AND version = 1), 7, '发现阳性立即报告，2 小时内网络直报', 'Reporting', 'Serious');

INSERT INTO checklist_templates (key, target_type, title, version, is_current, created_by, created_at) VALUES ('sampling-point', 'SamplingPoint', '采样点防护检查清单', 1, TRUE, 'system', '2022-03-01T00:00:00+00:00');

INSERT INTO checklist_items (template_id, no, text, category, severity) VALUES
    ((SELECT id FROM checklist_templates WHERE key = 'sampling-point' AND version = 1), 1, '采样人员按规定穿戴防护服、N95 口罩、面屏、双层手套', 'Testing', 'Major'),
    ((SELECT id FROM checklist_templates WHERE key = 'sampling-point' AND version = 1), 2, '一人一消毒，采样间隔手消毒规范', 'Testing', 'Major'),
    ((SELECT id FROM checklist_templates WHERE key = 'sampling-point' AND version = 1), 3, '排队人员保持 1 米间距，现场秩序有专人维护', 'Testing', 'Minor'),
    ((SELECT id FROM checklist_templates WHERE key = 'sampling-point' AND version = 1), 4, '扫码登记与采样管信息一致，不漏登错登', 'Testing', 'Major'),
    ((SELECT id FROM checklist_templates WHERE key = 'sampling-point' AND version = 1), 5, '样本按规定暂存、及时转运，交接有记录', 'Testing', 'Major'),
    ((SELECT id FROM checklist_templates WHERE key = 'sampling-point' AND version = 1), 6, '设置黄码、红码人员专用采样通道或单独采样', 'Testing', 'Serious');

INSERT INTO checklist_templates (key, target_type, title, version, is_current, created_by, created_at) VALUES ('quarantine-site', 'QuarantineSite', '集中隔离点检查清单', 1, TRUE, 'system', '2022-03-01T00:00:00+00:00');

INSERT INTO checklist_items (template_id, no, text, category, severity) VALUES
    ((SELECT id FROM checklist_templates WHERE key = 'quarantine-site' AND version = 1), 1, '隔离人员单人单间，不串门、不聚集', 'Quarantine', 'Serious'),
    ((SELECT id FROM checklist_templates WHERE key = 'quarantine-site' AND version = 1), 2, '三区两通道设置规范，工作人员闭环管理', 'Quarantine', 'Serious'),
    ((SELECT id FROM checklist_templates WHERE key = 'quarantine-site' AND version = 1), 3, '按规定日次开展核酸检测，结果及时登记', 'Testing', 'Major'),
    ((SELECT id FROM checklist_templates WHERE key = 'quarantine-site' AND version = 1), 4, '送餐、垃圾收运无接触，污染物规范处置', 'Quarantine', 'Major'),
    ((SELECT id FROM checklist_templates WHERE key = 'quarantine-site' AND version = 1), 5, '解除隔离前核验检测结果，手续完整', 'Quarantine', 'Major'),
    ((SELECT id FROM checklist_templates WHERE key = 'quarantine-site' AND version = 1), 6, '房间终末消毒后方可再次使用', 'Quarantine', 'Minor');

INSERT INTO checklist_templates (key, target_type, title, version, is_current, created_by, created_at) VALUES ('closed-loop-enterprise', 'ClosedLoopEnterprise', '闭环管理企业检查清单', 1, TRUE, 'system', '2022-03-01T00:00:00+00:00');

INSERT INTO checklist_items (template_id, no, text, category, severity) VALUES
    ((SELECT id FROM checklist_templates WHERE key = 'closed-loop-enterprise' AND version = 1), 1, '员工在厂区内闭环生产生活，不与外界接触', 'ClosedManagement', 'Serious'),
    ((SELECT id FROM checklist_templates WHERE key = 'closed-loop-enterprise' AND version = 1), 2, '员工名单、通行证与实际在岗人员一致', 'ClosedManagement', 'Major'),
    ((SELECT id FROM checklist_templates WHERE key = 'closed-loop-enterprise' AND version = 1), 3, '按规定频次开展核酸或抗原检测', 'Testing', 'Major'),
    ((SELECT id FROM checklist_templates WHERE key = 'closed-loop-enterprise' AND version = 1), 4, '原料、产品交接无接触，运输司机闭环管理', 'ClosedManagement', 'Major'),
    ((SELECT id FROM checklist_templates WHERE key = 'closed-loop-enterprise' AND version = 1), 5, '厂区设置临时隔离场所，出现异常立即隔离报告', 'ClosedManagement', 'Serious');

INSERT INTO checklist_templates (key, target_type, title, version, is_current, created_by, created_at) VALUES ('checkpoint', 'Checkpoint', '卡点检查清单', 1, TRUE, 'system', '2022-03-01T00:00:00+00:00');

INSERT INTO checklist_items (template_id, no, text, category, severity) VALUES
    ((SELECT id FROM checklist_templates WHERE key = 'checkpoint' AND version = 1), 1, '卡点 24 小时有人值守，值守人员在岗在位', 'Checkpoint', 'Major'),
    ((SELECT id FROM checklist_templates WHERE key = 'checkpoint' AND version = 1), 2, '逐人逐车查验通行证、健康码和核酸证明', 'Checkpoint', 'Serious'),
    ((SELECT id FROM checklist_templates WHERE key = 'checkpoint' AND version = 1), 3, '登记信息完整，异常情况及时报告', 'Checkpoint', 'Minor'),
    ((SELECT id FROM checklist_templates WHERE key = 'checkpoint' AND version = 1), 4, '值守人员个人防护规范', 'Checkpoint', 'Minor'),
    ((SELECT id FROM checklist_templates WHERE key = 'checkpoint' AND version = 1), 5, '保供车辆快速通行，不层层加码、不设卡拦截', 'Supplies', 'Major');

INSERT INTO checklist_templates (key, target_type, title, version, is_current, created_by, created_at) VALUES ('supply-distribution', 'SupplyDistribution', '物资发放检查清单', 1, TRUE, 'system', '2022-03-01T00:00:00+00:00');

INSERT INTO checklist_items (template_id, no, text, category, severity) VALUES
    ((SELECT id FROM checklist_templates WHERE key = 'supply-distribution' AND version = 1), 1, '生活物资按户发放到位，有签收记录', 'Supplies', 'Major'),
    ((SELECT id FROM checklist_templates WHERE key = 'supply-distribution' AND version = 1), 2, '特殊群体（老人、孕产妇、慢性病患者）需求建立台账并及时解决', 'Supplies', 'Serious'),
    ((SELECT id FROM checklist_templates WHERE key = 'supply-distribution' AND version = 1), 3, '物资价格公开，不哄抬物价、不强制搭售', 'Supplies', 'Major'),
    ((SELECT id FROM checklist_templates WHERE key = 'supply-distribution' AND version = 1), 4, '群众诉求当日回应，事不过夜', 'Supplies', 'Major'),
    ((SELECT id FROM checklist_templates WHERE key = 'supply-distribution' AND version = 1), 5, '配送人员闭环管理、无接触配送', 'Supplies', 'Minor');
