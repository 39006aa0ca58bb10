/**
 * 发展党员: the 25-step admission workflow of RULES.md §1 (D1–D14), from the 入党申请书 to 材料归档, judged by the rule
 * set in force on each step's date. An admitted candidate enters the member registry through the member module's API.
 */
package cn.zhibu.admission;
