using SocialInnovation.Grains.Common;
using SocialInnovation.Server.Applications;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialInnovation.Applications;
using SocialInnovation.Common;
using SocialInnovation.People;
using SocialInnovation.Selection;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Common;

namespace SocialInnovation.Server.Selection;

/// <summary>
/// The organizers' side of intake: the applications table, reviews, quotas and decisions. Reviewers read
/// the counts and the applications and score them; settings, decisions, suggestions, the CSV (with every
/// e-mail address) and resending links stay the organizers'.
/// </summary>
public static class SelectionApi
{
    public static RouteGroupBuilder MapSelectionApi(this RouteGroupBuilder api)
    {
        var camp = api.MapGroup("/camps/{campId:guid}").WithTags("Selection");
        camp.MapGet("/selection", Overview).InCamp(CampRole.Organizer, CampRole.Reviewer).WithSummary("Places, quotas and counts per country and status");
        camp.MapPut("/selection/settings", Configure).InCamp(CampRole.Organizer).WithSummary("Privacy text, confirmation deadline and country quotas");
        camp.MapPost("/selection/decisions", Decide).InCamp(CampRole.Organizer).WithSummary("Accept, waitlist or reject an application");
        camp.MapPost("/selection/decisions/batch", DecideMany).InCamp(CampRole.Organizer)
            .WithSummary("Accept, waitlist or reject several applications at once (e.g. a suggestion); refusals are listed, not fatal");
        camp.MapGet("/selection/suggestion", Suggest).InCamp(CampRole.Organizer)
            .WithSummary("Fill the places by score within the quotas, with the reason for every applicant; changes nothing");
        camp.MapGet("/applications", List).InCamp(CampRole.Organizer, CampRole.Reviewer).WithSummary("The applications, filtered");
        camp.MapGet("/applications/{applicationId:guid}", Details).InCamp(CampRole.Organizer, CampRole.Reviewer).WithSummary("One application with its reviews");
        camp.MapGet("/applications/export", Export).InCamp(CampRole.Organizer).Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("The applications and decisions as CSV (UTF-8 with BOM)");
        camp.MapPost("/applications/{applicationId:guid}/link", ResendLink).InCamp(CampRole.Organizer)
            .WithSummary("Mail the applicant a new private link (the older one stops working)");
        camp.MapPost("/applications/{applicationId:guid}/reviews", Review).InCamp(CampRole.Organizer, CampRole.Reviewer)
            .WithSummary("Score an application on each of the camp's criteria (1-5) with notes");
        camp.MapGet("/selection/criteria", Criteria).InCamp(CampRole.Organizer, CampRole.Reviewer).WithSummary("What reviewers score each application on");
        camp.MapPut("/selection/criteria", SetCriteria).InCamp(CampRole.Organizer).WithSummary("Change the selection criteria (names the list's version seen)");
        return api;
    }

    private static async Task<Ok<SelectionOverview>> Overview(Guid campId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ISelectionGrain>(campId).GetOverview());

    private static async Task<Results<Ok<SelectionSettings>, Refusal>> Configure(Guid campId, ConfigureSelection command, IGrainFactory grains) =>
        Problems.Ok(await grains.GetGrain<ISelectionGrain>(campId).Configure(command));

    private static async Task<Results<Ok<SelectionEntry>, Refusal>> Decide(Guid campId, Decide command, IGrainFactory grains) =>
        Problems.Ok(await grains.GetGrain<ISelectionGrain>(campId).Decide(command));

    private static async Task<Results<Ok<DecidedMany>, Refusal>> DecideMany(Guid campId, DecideMany command, IGrainFactory grains) =>
        Problems.Ok(await grains.GetGrain<ISelectionGrain>(campId).DecideMany(command));

    /// <param name="waitlist">How many of the rest to waitlist; by default half the capacity.</param>
    private static async Task<Ok<SelectionSuggestion>> Suggest(Guid campId, int? waitlist, IGrainFactory grains)
    {
        var selection = grains.GetGrain<ISelectionGrain>(campId);
        var size = waitlist ?? ((await selection.GetOverview()).Capacity + 1) / 2;
        return TypedResults.Ok(await selection.Suggest(size));
    }

    private static async Task<Ok<IReadOnlyList<SelectionEntry>>> List(Guid campId, [AsParameters] ApplicationsQuery query, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ISelectionGrain>(campId).List(new SelectionFilter(query.Country, query.Status, query.Skill, query.MinScore)));

    private static async Task<Results<Ok<ApplicationReview>, Refusal>> Details(Guid campId, Guid applicationId, HttpContext http, IGrainFactory grains)
    {
        // The selection grain of THIS camp must list it: an organizer of one camp never reads another camp's applications.
        if (await grains.GetGrain<ISelectionGrain>(campId).Get(applicationId) is not { } entry) return Problems.From(Unknown);
        var details = await grains.GetGrain<IApplicationGrain>(applicationId).GetDetails();
        if (details is null) return Problems.From(Unknown);
        // Reviewers judge the application, they do not contact the applicant: the address is the organizers' only.
        if (http.Caller().Role == CampRole.Reviewer)
            details = details with { Application = details.Application with { Form = details.Application.Form with { Email = "" } } };
        return TypedResults.Ok(new ApplicationReview(entry, details));
    }

    private static async Task<Results<Ok<SelectionEntry>, Refusal>> Review(Guid campId, Guid applicationId, ReviewApplication command, HttpContext http, IGrainFactory grains)
    {
        var selection = grains.GetGrain<ISelectionGrain>(campId);
        if (await selection.Get(applicationId) is null) return Problems.From(Unknown);
        var caller = http.Caller();
        var scored = await grains.GetGrain<IApplicationGrain>(applicationId).Review(caller.PersonId, caller.Name, command);
        if (scored.Error is { } refused) return Problems.From(refused);
        return Problems.Ok(await selection.RecordScore(applicationId, scored.Value!));
    }

    private static async Task<Ok<SelectionCriteria>> Criteria(Guid campId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ISelectionCriteriaGrain>(campId).Get());

    private static async Task<Results<Ok<SelectionCriteria>, Refusal>> SetCriteria(Guid campId, SetCriteria command, IGrainFactory grains) =>
        Problems.Ok(await grains.GetGrain<ISelectionCriteriaGrain>(campId).Set(command));

    private static async Task<FileContentHttpResult> Export(Guid campId, IGrainFactory grains)
    {
        var entries = await grains.GetGrain<ISelectionGrain>(campId).List(new SelectionFilter());
        var emails = await Task.WhenAll(entries.Select(async e =>
            (await grains.GetGrain<IApplicationGrain>(e.Application.ApplicationId).GetDetails())?.Application.Form.Email ?? ""));
        return TypedResults.File(ApplicationsExport.Csv(entries.Zip(emails)), "text/csv; charset=utf-8", "applications.csv");
    }

    private static async Task<Results<Ok<ApplicationReceived>, Refusal>> ResendLink(Guid campId, Guid applicationId, ResendLink command, IGrainFactory grains)
    {
        if (await grains.GetGrain<ISelectionGrain>(campId).Get(applicationId) is null) return Problems.From(Unknown);
        var application = grains.GetGrain<IApplicationGrain>(applicationId);
        if (await application.GetDetails() is not { } details) return Problems.From(Unknown);
        // One mail per request: a retry with the same key finds it already sent.
        await application.ResendLink(Secrets.StableGuid($"resend:{applicationId:N}:{command.IdempotencyKey}"));
        return TypedResults.Ok(new ApplicationReceived(campId, details.Application.Form.Email));
    }

    private static readonly DomainError Unknown = DomainError.NotFound("application.unknown", "This camp has no such application.");
}

/// <summary>Resend an applicant's private link; the key makes a retried request send one mail.</summary>
public sealed record ResendLink(string IdempotencyKey);

public sealed class ResendLinkValidator : FluentValidation.AbstractValidator<ResendLink>
{
    public ResendLinkValidator() => RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
}

/// <summary>The query string of <c>GET /api/camps/{campId}/applications</c>.</summary>
public sealed record ApplicationsQuery(string? Country, ApplicationStatus? Status, string? Skill, double? MinScore);

/// <summary>
/// One application as a reviewer sees it: where it stands in the selection, the form and the reviews. For a
/// reviewer the form's e-mail address is empty (only organizers see it, as only they mail applicants).
/// </summary>
public sealed record ApplicationReview(SelectionEntry Entry, ApplicationDetails Details);
