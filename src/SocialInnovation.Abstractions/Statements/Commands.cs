using FluentValidation;
using SocialInnovation.Common;

namespace SocialInnovation.Statements;

/// <summary>
/// A participant's problem statement. The title names the problem in a few words: it becomes a poll
/// option, and a team's name and theme if the statement wins, so it keeps to a team name's 60 characters.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ProposeStatement(string Title, string Description, string AffectedGroup, string IdempotencyKey);

/// <summary>An organizer merges the duplicate <see cref="From"/> into <see cref="Into"/>: its dots move with it.</summary>
[GenerateSerializer, Immutable]
public sealed record MergeStatements(string From, string Into, string IdempotencyKey);

/// <summary>Close the vote on the statements and make the top <see cref="Count"/> into teams of <see cref="Capacity"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record ChooseThemes(int Count, int Capacity, string IdempotencyKey);

public sealed class ProposeStatementValidator : AbstractValidator<ProposeStatement>
{
    public ProposeStatementValidator()
    {
        RuleFor(s => s.Title).NotEmpty().Length(2, 60).PlainText();
        RuleFor(s => s.Description).NotEmpty().Length(10, 1000).PlainText();
        RuleFor(s => s.AffectedGroup).NotEmpty().Length(2, 120).PlainText();
        RuleFor(s => s.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class MergeStatementsValidator : AbstractValidator<MergeStatements>
{
    public MergeStatementsValidator()
    {
        RuleFor(m => m.From).NotEmpty().MaximumLength(10);
        RuleFor(m => m.Into).NotEmpty().MaximumLength(10).NotEqual(m => m.From).WithText(Texts.MergeIntoItself);
        RuleFor(m => m.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class ChooseThemesValidator : AbstractValidator<ChooseThemes>
{
    public ChooseThemesValidator()
    {
        RuleFor(c => c.Count).InclusiveBetween(1, 20);
        RuleFor(c => c.Capacity).InclusiveBetween(1, 50);
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}
