using FluentValidation;
using SocialInnovation.Common;

namespace SocialInnovation.Polls;

/// <summary>
/// Open a dot-vote. With no <see cref="Options"/>, the camp's problem themes are the options. The poll's
/// id follows from the camp and <see cref="IdempotencyKey"/>, so a retry finds the poll it made.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OpenPoll(string Title, IReadOnlyList<string>? Options, int DotsPerVoter, string IdempotencyKey);

/// <summary>A voter's dots per option id; the options left out get none.</summary>
[GenerateSerializer, Immutable]
public sealed record CastDots(IReadOnlyDictionary<string, int> Dots, string IdempotencyKey);

/// <summary>Make teams from the top <see cref="Count"/> options of a closed poll, each with room for <see cref="Capacity"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record FormTeamsFromPoll(int Count, int Capacity, string IdempotencyKey);

public sealed class OpenPollValidator : AbstractValidator<OpenPoll>
{
    public OpenPollValidator()
    {
        RuleFor(p => p.Title).NotEmpty().Length(2, 120).PlainText();
        RuleFor(p => p.Options).Must(o => o is null || o.Count is >= 2 and <= 50).WithText(Texts.PollOptionsCount)
            .Must(o => o is null || o.Distinct(StringComparer.OrdinalIgnoreCase).Count() == o.Count).WithText(Texts.PollOptionsTwice);
        RuleForEach(p => p.Options).NotEmpty().Length(2, 80).PlainText();
        RuleFor(p => p.DotsPerVoter).InclusiveBetween(1, 20);
        RuleFor(p => p.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class CastDotsValidator : AbstractValidator<CastDots>
{
    public CastDotsValidator()
    {
        RuleFor(c => c.Dots).NotNull().Must(d => d is null || d.Count <= 50).WithText(Texts.TooManyOptions);
        RuleForEach(c => c.Dots).Must(d => d.Value is >= 0 and <= 20).WithText(Texts.DotsPerOption);
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class FormTeamsFromPollValidator : AbstractValidator<FormTeamsFromPoll>
{
    public FormTeamsFromPollValidator()
    {
        RuleFor(f => f.Count).InclusiveBetween(1, 20);
        RuleFor(f => f.Capacity).InclusiveBetween(1, 50);
        RuleFor(f => f.IdempotencyKey).ValidIdempotencyKey();
    }
}
