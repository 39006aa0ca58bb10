/**
 * The people of a branch as the appraisal and the talks read them: its members (its 党小组 included) and those seated on
 * its current committee, through the member and organization modules' APIs.
 */
package cn.zhibu.life.roster;
