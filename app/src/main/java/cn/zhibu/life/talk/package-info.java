/**
 * 谈心谈话 (RULES.md B11): records of who talked with whom and when, and the yearly coverage of the three pairings —
 * between committee members, between a committee member and a member, between members.
 */
package cn.zhibu.life.talk;
