using SocialInnovation.Common;
using SocialInnovation.Polls;

namespace SocialInnovation.Statements;

/// <summary>
/// A camp's problem statements (keyed by the camp's id): a small bounded list, kept out of the camp's
/// state. Once the vote on them is open, it keeps the poll in step: a new statement becomes an option, a
/// merge moves the dots. It calls the poll, never the other way round.
/// </summary>
public interface ICampStatementsGrain : IGrainWithGuidKey
{
    /// <summary>At most this many statements are open (not merged) at once: a poll has at most 50 options.</summary>
    public const int MaxOpen = 50;

    /// <summary>At most this many statements are kept, merged ones included.</summary>
    public const int MaxKept = 120;

    /// <summary>One participant proposes at most this many.</summary>
    public const int MaxPerAuthor = 5;

    Task<Outcome<ProblemStatement>> Propose(Guid authorId, string authorName, ProposeStatement command);

    Task<Outcome<StatementList>> Merge(MergeStatements command);

    /// <summary>Opens poll <paramref name="pollId"/> with the open statements as its options and links it; a retry finds it open.</summary>
    Task<Outcome<PollTally>> OpenVote(Guid campId, Guid pollId, OpenPoll command);

    /// <summary>Records which statements became the camp's themes (by statement id); the first record stays.</summary>
    Task<StatementList> RecordThemes(IReadOnlyList<string> statementIds);

    Task<StatementList> List();
}

/// <param name="Id">"s1", "s2", … in the order they were proposed.</param>
/// <param name="OptionId">The statement's option in the linked poll, once it has one.</param>
/// <param name="MergedInto">The statement this one was merged into (it stays listed for the record).</param>
/// <param name="Chosen">It became one of the camp's themes when voting closed.</param>
[GenerateSerializer, Immutable]
public sealed record ProblemStatement(
    string Id,
    string Title,
    string Description,
    string AffectedGroup,
    Guid AuthorId,
    string AuthorName,
    DateTimeOffset ProposedAt,
    string? OptionId,
    string? MergedInto,
    bool Chosen);

/// <param name="PollId">The vote on the statements, once an organizer opened it.</param>
/// <param name="Version">+1 per change.</param>
[GenerateSerializer, Immutable]
public sealed record StatementList(Guid CampId, Guid? PollId, IReadOnlyList<ProblemStatement> Statements, long Version);
