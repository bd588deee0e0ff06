package org.tallyrollup.web;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tallyrollup.schedule.NightlyRollup;
import org.tallyrollup.template.TemplateRefusedException;
import org.tallyrollup.unit.InvalidRegistryException;
import org.tallyrollup.run.RunRefusedException;

/**
 * The office's page: the periods, the runs and their progress, a run's findings, and for
 * administrators a button to roll a period up now. Actions are form posts (with CSRF
 * tokens); what a user may do is checked by the security configuration, not here.
 */
@Controller
class PageController {

	private final RunService runs;

	private final PeriodViews periods;

	private final WebProperties properties;

	private final ObjectProvider<NightlyRollup> nightly;

	private final Templates templates;

	PageController(RunService runs, PeriodViews periods, WebProperties properties,
			ObjectProvider<NightlyRollup> nightly, Templates templates) {
		this.runs = runs;
		this.periods = periods;
		this.properties = properties;
		this.nightly = nightly;
		this.templates = templates;
	}

	@ModelAttribute
	void user(Authentication authentication, Model model) {
		if (authentication != null) {
			model.addAttribute("userName", authentication.getName());
			model.addAttribute("admin",
					authentication.getAuthorities()
						.stream()
						.anyMatch((authority) -> "ROLE_ADMIN".equals(authority.getAuthority())));
		}
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("periods", this.periods.list());
		model.addAttribute("runs", this.runs.recent(null, this.properties.recentRuns()));
		model.addAttribute("schedule", Optional.ofNullable(this.nightly.getIfAvailable()).map(this::schedule));
		return "index";
	}

	@GetMapping("/runs/{id}")
	String run(@PathVariable long id, Model model) {
		model.addAttribute("details", this.runs.details(id));
		model.addAttribute("countHeaders", TotalsRow.headers());
		return "run";
	}

	/**
	 * The 填报模板 form: the file, or back to the home page with the reason it cannot be
	 * made.
	 */
	@GetMapping("/templates")
	Object template(@RequestParam(required = false) String unit, @RequestParam(required = false) String period,
			RedirectAttributes redirect) {
		try {
			return this.templates.download(unit, period);
		}
		catch (Templates.BadTemplateRequestException | BadPeriodException | TemplateRefusedException
				| InvalidRegistryException ex) {
			redirect.addFlashAttribute("problem", "无法生成填报模板：" + ex.getMessage());
			return "redirect:/";
		}
	}

	@PostMapping("/runs")
	String start(@RequestParam String period, Authentication user, RedirectAttributes redirect) {
		try {
			RunView run = this.runs.start(period, "web:" + user.getName());
			redirect.addFlashAttribute("notice", "已开始汇总报告期 " + period);
			return "redirect:/runs/" + run.id();
		}
		catch (RunRefusedException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			return "redirect:/";
		}
	}

	@PostMapping("/runs/{id}/stop")
	String stop(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.runs.stop(id), "已请求停止，这次汇总会在处理完当前一批数据后停下");
	}

	@PostMapping("/runs/{id}/restart")
	String restart(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.runs.restart(id), "已从上次停下的地方继续汇总");
	}

	private static String act(long id, RedirectAttributes redirect, Runnable action, String notice) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (RunRefusedException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/runs/" + id;
	}

	@ExceptionHandler(RunNotFoundException.class)
	ModelAndView notFound(RunNotFoundException ex) {
		ModelAndView view = new ModelAndView("error");
		view.addObject("status", 404);
		view.addObject("message", ex.getMessage());
		view.setStatus(HttpStatus.NOT_FOUND);
		return view;
	}

	private ScheduleView schedule(NightlyRollup nightly) {
		RunView lastRun = null;
		if (nightly.last() != null && nightly.last().runId() != null) {
			try {
				lastRun = this.runs.view(nightly.last().runId());
			}
			catch (RunNotFoundException ex) {
				// the run was deleted from the job repository
			}
		}
		return new ScheduleView(nightly.schedule(), nightly.next(), nightly.last(), lastRun);
	}

}
