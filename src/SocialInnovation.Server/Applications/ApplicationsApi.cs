using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SocialInnovation.Applications;
using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Grains.Applications;
using SocialInnovation.Selection;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Common;
using SocialInnovation.Server.Hosting;
using SocialInnovation.Server.Invites;

namespace SocialInnovation.Server.Applications;

/// <summary>
/// The public side of intake: a camp's application form, and the applicant's private link (view, edit,
/// withdraw, confirm or decline a place). No account is needed; the private link's token is the key.
/// </summary>
public static class ApplicationsApi
{
    /// <summary>A form is a few kilobytes; anything much larger is not a person filling it in.</summary>
    public const long MaxFormBytes = 16 * 1024;

    public static RouteGroupBuilder MapApplicationsApi(this RouteGroupBuilder api)
    {
        var camp = api.MapGroup("/camps/{campId:guid}").WithTags("Applications");
        camp.MapGet("/application-form", GetForm).Anyone().WithSummary("What the camp's application form needs");
        camp.MapPost("/applications", Submit).Anyone().PublicForm()
            .AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<CampFormLimits>().InvokeAsync(context, next))
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Apply to a camp (no account needed); limited per address and per camp");

        var mine = api.MapGroup("/applications/mine").WithTags("Applications");
        mine.MapPost("/", Open).Anyone().PublicForm().WithSummary("One's own application, through the private link");
        mine.MapPut("/", Edit).Anyone().PublicForm().WithSummary("Change one's application while applications are open");
        mine.MapPost("/withdraw", Withdraw).Anyone().PublicForm().WithSummary("Withdraw one's application");
        mine.MapPost("/confirm", Confirm).Anyone().PublicForm().WithSummary("Take the offered place and join the camp");
        mine.MapPost("/decline", Decline).Anyone().PublicForm().WithSummary("Turn the offered place down");
        return api;
    }

    /// <summary>The protections every public intake endpoint shares: a body size limit and a rate limit policy.</summary>
    private static RouteHandlerBuilder PublicForm(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(new RequestSizeLimitAttribute(MaxFormBytes)).WithMetadata(new PublicFormEndpoint())
            .RequireRateLimiting(RateLimits.PublicForms);

    private static async Task<Results<Ok<ApplicationFormInfo>, Refusal>> GetForm(Guid campId, IGrainFactory grains)
    {
        if (await grains.GetGrain<ICampGrain>(campId).GetSnapshot() is not { } camp) return Problems.From(DomainError.UnknownCamp);
        var settings = await grains.GetGrain<ISelectionGrain>(campId).GetSettings();
        var d = camp.Details;
        return TypedResults.Ok(new ApplicationFormInfo(campId, d.Name, d.Location, d.StartsOn, d.EndsOn, camp.Phase,
            camp.Phase == CampPhase.Applications, d.Countries, d.Languages, settings.PrivacyText));
    }

    private static async Task<Results<Ok<ApplicationReceived>, Refusal>> Submit(Guid campId, SubmitApplication request, HttpContext http, IGrainFactory grains, InviteLinks links)
    {
        if (!string.IsNullOrEmpty(request.Website))
            return Problems.From(new DomainError(ErrorKind.Invalid, "application.refused", "This form was not filled in by a person."));
        var application = grains.GetGrain<IApplicationGrain>(ApplicationIds.For(campId, request.Form.Email));
        var submitted = await application.Submit(campId, request.Form, request.IdempotencyKey, links.BaseUrl(http.Request));
        if (submitted.Error is { } refused) return Problems.From(refused);
        // Listed for the organizers before the applicant hears "received"; a retry lists it again harmlessly.
        var listed = await grains.GetGrain<ISelectionGrain>(campId).Record(submitted.Value!);
        return listed.Error is { } notListed
            ? Problems.From(notListed)
            : TypedResults.Ok(new ApplicationReceived(campId, EmailAddresses.Normalize(request.Form.Email)));
    }

    private static async Task<Results<Ok<MyApplication>, Refusal>> Open(OpenApplication request, IGrainFactory grains)
    {
        var (application, secret) = Parse(request.Token, grains);
        var view = await application.Open(secret);
        if (view.Error is { } refused) return Problems.From(refused);
        return TypedResults.Ok(await Mine(grains, view.Value!));
    }

    private static async Task<Results<Ok<MyApplication>, Refusal>> Edit(EditApplication request, IGrainFactory grains)
    {
        var (application, secret) = Parse(request.Token, grains);
        var edited = await application.Edit(secret, request.Form, request.IdempotencyKey);
        if (edited.Error is { } refused) return Problems.From(refused);
        var listed = await grains.GetGrain<ISelectionGrain>(edited.Value!.CampId).Record(edited.Value);
        if (listed.Error is { } notListed) return Problems.From(notListed);
        return TypedResults.Ok(await Mine(grains, (await application.Open(secret)).Value!));
    }

    private static Task<Results<Ok<MyApplication>, Refusal>> Withdraw(ApplicantAction request, IGrainFactory grains) =>
        Act(request, grains, (selection, row) => selection.Withdraw(row.ApplicationId, request.IdempotencyKey));

    private static Task<Results<Ok<MyApplication>, Refusal>> Decline(ApplicantAction request, IGrainFactory grains) =>
        Act(request, grains, (selection, row) => selection.Decline(row.ApplicationId, request.IdempotencyKey));

    /// <summary>
    /// Confirms the place, then admits the applicant to the camp as a participant and signs them in,
    /// the way an invite does. Their person id follows from the application, so a retry is the same person.
    /// </summary>
    private static async Task<Results<Ok<MyApplication>, Refusal>> Confirm(ApplicantAction request, HttpContext http, IGrainFactory grains)
    {
        var (application, secret) = Parse(request.Token, grains);
        var row = await application.Authenticate(secret);
        if (row.Error is { } refused) return Problems.From(refused);
        var (applicationId, campId, name) = (row.Value!.ApplicationId, row.Value.CampId, row.Value.Name);

        var confirmed = await grains.GetGrain<ISelectionGrain>(campId).Confirm(applicationId);
        if (confirmed.Error is { } notConfirmed) return Problems.From(notConfirmed);
        var personId = ApplicationIds.PersonFor(applicationId);
        var admitted = await grains.GetGrain<ICampGrain>(campId).AdmitMember(personId, name, People.CampRole.Participant);
        if (admitted.Error is { } notAdmitted) return Problems.From(notAdmitted);
        await grains.GetGrain<People.IPersonGrain>(personId).Join(campId, People.CampRole.Participant, name);
        await http.SignInPerson(personId, name);
        return TypedResults.Ok(await Mine(grains, (await application.Open(secret)).Value!));
    }

    private static async Task<Results<Ok<MyApplication>, Refusal>> Act(ApplicantAction request, IGrainFactory grains, Func<ISelectionGrain, ApplicationRow, Task<Outcome<SelectionEntry>>> act)
    {
        var (application, secret) = Parse(request.Token, grains);
        var row = await application.Authenticate(secret);
        if (row.Error is { } refused) return Problems.From(refused);
        var done = await act(grains.GetGrain<ISelectionGrain>(row.Value!.CampId), row.Value);
        if (done.Error is { } notDone) return Problems.From(notDone);
        return TypedResults.Ok(await Mine(grains, (await application.Open(secret)).Value!));
    }

    /// <summary>The token was checked by its validator; its id part names the grain.</summary>
    private static (IApplicationGrain Application, string Secret) Parse(string token, IGrainFactory grains)
    {
        var (id, secret) = ApplicationToken.Parse(token)!.Value;
        return (grains.GetGrain<IApplicationGrain>(id), secret);
    }

    private static async Task<MyApplication> Mine(IGrainFactory grains, ApplicationView view)
    {
        var entry = await grains.GetGrain<ISelectionGrain>(view.CampId).Get(view.ApplicationId);
        var phase = (await grains.GetGrain<ICampGrain>(view.CampId).GetSnapshot())?.Phase;
        return new MyApplication(view, entry?.Status ?? ApplicationStatus.Submitted, entry?.ConfirmBy, phase == CampPhase.Applications);
    }
}

/// <summary>Marks an endpoint of the public form, for the rate limits the host applies to them.</summary>
public sealed record PublicFormEndpoint;

public sealed record ApplicationFormInfo(
    Guid CampId, string CampName, string Location, DateOnly StartsOn, DateOnly EndsOn, CampPhase Phase, bool Open,
    IReadOnlyList<string> Countries, IReadOnlyList<string> Languages, string PrivacyText);

/// <summary>The answer to an application: where the private link was mailed. The link itself only travels by mail.</summary>
public sealed record ApplicationReceived(Guid CampId, string Email);

/// <param name="CanEdit">True while the camp takes applications.</param>
public sealed record MyApplication(ApplicationView Application, ApplicationStatus Status, DateTimeOffset? ConfirmBy, bool CanEdit);
