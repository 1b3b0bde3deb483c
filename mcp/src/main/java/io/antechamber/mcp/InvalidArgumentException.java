package io.antechamber.mcp;

/** A tool argument that its input schema refuses; answered as a VALIDATION_ERROR tool error naming the argument. */
final class InvalidArgumentException extends RuntimeException {

    private final String argument;
    private final String problem;

    InvalidArgumentException(String argument, String problem) {
        super("argument '" + argument + "' " + problem, null, false, false);
        this.argument = argument;
        this.problem = problem;
    }

    String argument() {
        return argument;
    }

    String problem() {
        return problem;
    }
}
