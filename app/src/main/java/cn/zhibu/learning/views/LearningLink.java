package cn.zhibu.learning.views;

/** A link to one part of 学习教育, with its label. */
public record LearningLink(String id, String label, String href) {
}
