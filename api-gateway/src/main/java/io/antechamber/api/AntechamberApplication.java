package io.antechamber.api;

import io.antechamber.verify.VerifyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = "io.antechamber")
@ConfigurationPropertiesScan
public class AntechamberApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "verify".equals(args[0])) {
            // the offline verifier (docs/verifying.md) ships in the server's jar too; it starts no Spring, no database
            System.exit(VerifyCommand.run(args, System.out, System.err));
        }
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(AntechamberApplication.class, args);
    }
}
