package org.tallyrollup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TallyRollupApplication {

	public static void main(String[] args) {
		SpringApplication.run(TallyRollupApplication.class, args);
	}

}
