package org.tallyrollup.template;

/** A template that cannot be made as asked; the message says why, in Chinese. */
public class TemplateRefusedException extends RuntimeException {

	public TemplateRefusedException(String message) {
		super(message);
	}

}
