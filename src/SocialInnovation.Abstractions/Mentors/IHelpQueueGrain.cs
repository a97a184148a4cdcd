using FluentValidation;
using SocialInnovation.Common;
using SocialInnovation.Live;

namespace SocialInnovation.Mentors;

/// <summary>
/// The camp's live help queue (one per camp, keyed by the camp id), stream <c>queue:&lt;camp&gt;</c>.
/// Teams raise a hand with a topic and tags; a mentor whose tags match takes the next request, or a
/// specific one; a request nobody takes within the configured minutes is flagged to the organizers.
/// </summary>
public interface IHelpQueueGrain : IGrainWithGuidKey, IStreamOwnerGrain
{
    /// <summary>A team has at most one open request (waiting or taken).</summary>
    Task<Outcome<HelpRequest>> Raise(Guid teamId, string teamName, RaiseHand command);

    Task<Outcome<HelpRequest>> Withdraw(Guid teamId, WithdrawHand command);

    /// <summary>The given request, or the longest-waiting one whose tags meet the mentor's (or that has none).</summary>
    Task<Outcome<HelpRequest>> Take(Guid mentorId, string mentorName, IReadOnlyList<string> mentorTags, TakeRequest command);

    /// <summary>The session for the request ended: its handling time feeds the estimated wait. Idempotent.</summary>
    Task<Outcome<HelpRequest>> Finish(Guid requestId);

    /// <summary>Flags waiting requests older than the limit (a timer calls it too); answers how many were newly flagged.</summary>
    Task<int> FlagOverdue();

    Task<QueueView> GetView();
}

public enum HelpRequestStatus { Waiting, Taken, Done, Withdrawn }

[GenerateSerializer, Immutable]
public sealed record HelpRequest(
    Guid RequestId,
    Guid TeamId,
    string TeamName,
    string Topic,
    IReadOnlyList<string> Tags,
    DateTimeOffset RaisedAt,
    HelpRequestStatus Status,
    Guid? MentorId = null,
    string? MentorName = null,
    DateTimeOffset? TakenAt = null,
    DateTimeOffset? DoneAt = null,
    bool Flagged = false);

/// <param name="AverageHandlingMinutes">Mean taken→done time of the recent requests (a default until there are some).</param>
/// <param name="MentorsOnDuty">Mentors who took a request within the last hour (at least 1), who share the queue.</param>
[GenerateSerializer, Immutable]
public sealed record QueueView(
    Guid CampId,
    long Epoch,
    long Seq,
    IReadOnlyList<HelpRequest> Requests,
    double AverageHandlingMinutes,
    int MentorsOnDuty,
    int FlagAfterMinutes);

/// <summary>One request changed; the figures for the estimate come along.</summary>
public sealed record QueueChanged(HelpRequest Request, double AverageHandlingMinutes, int MentorsOnDuty);

[GenerateSerializer, Immutable]
public sealed record RaiseHand(string Topic, IReadOnlyList<string> Tags, string IdempotencyKey);

[GenerateSerializer, Immutable]
public sealed record WithdrawHand(Guid RequestId, string IdempotencyKey);

/// <param name="RequestId">A specific request, or null for the next one matching the mentor's tags.</param>
[GenerateSerializer, Immutable]
public sealed record TakeRequest(Guid? RequestId, string IdempotencyKey);

/// <summary>Place and estimated wait, computed the same way here and in the web app (queue.ts).</summary>
public static class QueueMath
{
    public const double DefaultHandlingMinutes = 15;

    /// <summary>1 for the first waiting request; 0 when the request is not waiting.</summary>
    public static int PlaceOf(QueueView view, Guid requestId)
    {
        var waiting = view.Requests.Where(r => r.Status == HelpRequestStatus.Waiting).OrderBy(r => r.RaisedAt).ToList();
        return waiting.FindIndex(r => r.RequestId == requestId) + 1;
    }

    /// <summary>Each mentor on duty handles one request per average handling time; the request at this place waits for the ones before it.</summary>
    public static double EstimatedWaitMinutes(int place, double averageHandlingMinutes, int mentorsOnDuty) =>
        place <= 0 ? 0 : Math.Ceiling((double)place / Math.Max(1, mentorsOnDuty)) * averageHandlingMinutes;
}

public sealed class RaiseHandValidator : FluentValidation.AbstractValidator<RaiseHand>
{
    public RaiseHandValidator()
    {
        RuleFor(r => r.Topic).NotEmpty().Length(3, 200).PlainText();
        RuleFor(r => r.Tags).NotNull().Must(t => t is { Count: <= 6 }).WithText(MentorTexts.RequestTagsCount);
        RuleForEach(r => r.Tags).NotEmpty().Matches(MentorTags.Pattern).WithText(MentorTexts.TagShape);
        RuleFor(r => r.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class WithdrawHandValidator : FluentValidation.AbstractValidator<WithdrawHand>
{
    public WithdrawHandValidator()
    {
        RuleFor(r => r.RequestId).NotEmpty();
        RuleFor(r => r.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class TakeRequestValidator : FluentValidation.AbstractValidator<TakeRequest>
{
    public TakeRequestValidator() => RuleFor(r => r.IdempotencyKey).ValidIdempotencyKey();
}
