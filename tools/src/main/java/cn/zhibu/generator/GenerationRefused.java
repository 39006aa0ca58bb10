package cn.zhibu.generator;

/** The generator will not run as asked; the message says why, in Chinese, for the console. */
public class GenerationRefused extends RuntimeException {

    public GenerationRefused(String message) {
        super(message);
    }
}
