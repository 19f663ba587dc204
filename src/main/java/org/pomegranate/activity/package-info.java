/**
 * The activities ledger (活动台账): publicity sessions (宣传宣讲), quizzes, trainings (国家通用语言文字培训),
 * sports and culture, festivals, exchange trips (交往交流交融, with their destination) and seminars of
 * a region, with their date(s), place, organising unit, participants (a total, by group and by
 * ethnic group), photos and materials in the file store and the cadres who ran them; and the
 * figures (场次、参与人次、宣讲场次、交流人数) that dashboards and the monthly report read. A petition
 * raised at an activity refers to it through {@link org.pomegranate.activity.Activities}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "audit", "figures", "files", "pairing", "region", "shared", "unit" })
package org.pomegranate.activity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
