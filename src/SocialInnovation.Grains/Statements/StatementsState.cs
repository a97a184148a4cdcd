using SocialInnovation.Grains.Common;
using SocialInnovation.Statements;

namespace SocialInnovation.Grains.Statements;

[GenerateSerializer]
public sealed class StatementsState
{
    /// <summary>Every statement in the order proposed, merged ones included (bounded by <see cref="ICampStatementsGrain.MaxKept"/>).</summary>
    [Id(0)] public List<ProblemStatement> Statements { get; set; } = [];
    [Id(1)] public Guid? PollId { get; set; }
    [Id(2)] public long Version { get; set; }
    /// <summary>Proposals and merges applied, by idempotency key; <see cref="AppliedCommand.Seq"/> is the statement's number.</summary>
    [Id(3)] public IdempotencyLog Applied { get; set; } = new();
}
