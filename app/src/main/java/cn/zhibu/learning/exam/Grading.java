package cn.zhibu.learning.exam;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Automatic grading of one answer. A choice is right when the options picked are exactly the right ones. A multiple
 * choice is all-or-nothing unless the exam gives partial credit: then picking some of the right options and no wrong
 * one earns the score × right picked / right options, rounded down (a wrong pick still earns nothing). A fill-in is
 * right when it equals one accepted answer after {@link #normalize}. An empty answer earns nothing.
 */
public final class Grading {

    private Grading() {
    }

    /**
     * @param answer the member's answer: option indexes (as text) of a choice question, the text of a fill-in
     */
    public static int award(Question q, List<String> answer, int score, boolean partialCredit) {
        if (answer == null || answer.isEmpty()) {
            return 0;
        }
        if (!q.kind().choice()) {
            String given = normalize(answer.get(0));
            return !given.isEmpty() && q.accepted().stream().anyMatch(a -> normalize(a).equals(given)) ? score : 0;
        }
        Set<Integer> picked = new HashSet<>();
        for (String a : answer) {
            try {
                picked.add(Integer.parseInt(a));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        Set<Integer> right = new HashSet<>(q.correct());
        if (picked.equals(right)) {
            return score;
        }
        if (q.kind() == QuestionKind.MULTIPLE && partialCredit && right.containsAll(picked)) {
            return score * picked.size() / right.size();
        }
        return 0;
    }

    /**
     * A fill-in as compared: NFKC (full-width letters, digits and punctuation as half-width), white space collapsed
     * and trimmed (the ideographic space too), case folded.
     */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return n.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
