using FluentValidation;
using SocialInnovation.Common;
using SocialInnovation.Live;

namespace SocialInnovation.Mentors;

/// <summary>
/// A team's mentor sessions (one grain per team, keyed by the team id): each session's start, end,
/// notes, action items, follow-up and the team's rating. One grain per team rather than per session so
/// that the team's page watches one stream, <c>mentoring:&lt;camp&gt;:&lt;team&gt;</c>, and sees feedback
/// and action items appear as the mentor writes them.
/// </summary>
public interface ITeamMentoringGrain : IGrainWithGuidKey, IStreamOwnerGrain
{
    /// <summary>Starting a session with a known id again answers the session (a retried take or start).</summary>
    Task<Outcome<MentorSession>> Start(Guid campId, string teamName, Guid mentorId, string mentorName, StartSession command);

    Task<Outcome<MentorSession>> WriteNotes(Guid mentorId, WriteNotes command);

    Task<Outcome<MentorSession>> AddActionItem(Guid mentorId, AddActionItem command);

    Task<Outcome<MentorSession>> End(Guid mentorId, EndSession command);

    Task<Outcome<MentorSession>> Tick(TickActionItem command);

    Task<Outcome<MentorSession>> Rate(Guid personId, RateSession command);

    Task<TeamSessions> GetSessions();

    /// <summary>Keeps and publishes a "starts soon" notice of a slot the team booked (idempotent per slot).</summary>
    Task Notice(Guid campId, StartsSoonNotice notice);

    /// <summary>Drops the slot's notice: the booking was cancelled.</summary>
    Task WithdrawNotice(Guid slotId);
}

[GenerateSerializer, Immutable]
public sealed record ActionItem(Guid ItemId, string Text, bool Done);

/// <param name="RequestId">The help request the session answers, if it came from the queue.</param>
/// <param name="Version">+1 per change of this session; notes name the version they were based on.</param>
[GenerateSerializer, Immutable]
public sealed record MentorSession(
    Guid SessionId,
    Guid TeamId,
    Guid MentorId,
    string MentorName,
    string Topic,
    Guid? RequestId,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string Notes,
    string FollowUp,
    IReadOnlyList<ActionItem> ActionItems,
    int? Stars,
    string? RatingComment,
    long Version);

[GenerateSerializer, Immutable]
public sealed record TeamSessions(Guid TeamId, Guid CampId, long Epoch, long Seq, IReadOnlyList<MentorSession> Sessions,
    IReadOnlyList<StartsSoonNotice> Notices);

/// <summary>An event of <c>mentoring:&lt;camp&gt;:&lt;team&gt;</c> (<c>StartsSoon</c>, <c>NoticeWithdrawn</c>): the team's notices now.</summary>
public sealed record NoticesChanged(string What, IReadOnlyList<StartsSoonNotice> Notices);

public sealed record SessionChanged(string What, MentorSession Session);

[GenerateSerializer, Immutable]
public sealed record StartSession(Guid SessionId, string Topic, Guid? RequestId, string IdempotencyKey);

/// <summary>A mentor's start of a session with a team (from a booked slot or a hallway talk).</summary>
[GenerateSerializer, Immutable]
public sealed record OpenSession(string Topic, string IdempotencyKey);

[GenerateSerializer, Immutable]
public sealed record WriteNotes(Guid SessionId, string Notes, string FollowUp, long BasedOnVersion, string IdempotencyKey);

[GenerateSerializer, Immutable]
public sealed record AddActionItem(Guid SessionId, string Text, string IdempotencyKey);

[GenerateSerializer, Immutable]
public sealed record EndSession(Guid SessionId, string IdempotencyKey);

[GenerateSerializer, Immutable]
public sealed record TickActionItem(Guid SessionId, Guid ItemId, bool Done, string IdempotencyKey);

[GenerateSerializer, Immutable]
public sealed record RateSession(Guid SessionId, int Stars, string Comment, string IdempotencyKey);

public sealed class StartSessionValidator : FluentValidation.AbstractValidator<StartSession>
{
    public StartSessionValidator()
    {
        RuleFor(s => s.SessionId).NotEmpty();
        RuleFor(s => s.Topic).NotEmpty().MaximumLength(200).PlainText();
        RuleFor(s => s.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class OpenSessionValidator : FluentValidation.AbstractValidator<OpenSession>
{
    public OpenSessionValidator()
    {
        RuleFor(s => s.Topic).NotEmpty().Length(3, 200).PlainText();
        RuleFor(s => s.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class WriteNotesValidator : FluentValidation.AbstractValidator<WriteNotes>
{
    public WriteNotesValidator()
    {
        RuleFor(n => n.Notes).NotNull().MaximumLength(4000).PlainTextLines();
        RuleFor(n => n.FollowUp).NotNull().MaximumLength(1000).PlainTextLines();
        RuleFor(n => n.BasedOnVersion).GreaterThanOrEqualTo(0);
        RuleFor(n => n.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class AddActionItemValidator : FluentValidation.AbstractValidator<AddActionItem>
{
    public AddActionItemValidator()
    {
        RuleFor(a => a.Text).NotEmpty().Length(2, 300).PlainText();
        RuleFor(a => a.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class EndSessionValidator : FluentValidation.AbstractValidator<EndSession>
{
    public EndSessionValidator() => RuleFor(e => e.IdempotencyKey).ValidIdempotencyKey();
}

public sealed class TickActionItemValidator : FluentValidation.AbstractValidator<TickActionItem>
{
    public TickActionItemValidator() => RuleFor(t => t.IdempotencyKey).ValidIdempotencyKey();
}

public sealed class RateSessionValidator : FluentValidation.AbstractValidator<RateSession>
{
    public RateSessionValidator()
    {
        RuleFor(r => r.Stars).InclusiveBetween(1, 5).WithText(MentorTexts.StarsRange);
        RuleFor(r => r.Comment).NotNull().MaximumLength(1000).PlainTextLines();
        RuleFor(r => r.IdempotencyKey).ValidIdempotencyKey();
    }
}
