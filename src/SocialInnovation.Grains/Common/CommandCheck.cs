using FluentValidation;
using SocialInnovation.Common;

namespace SocialInnovation.Grains.Common;

/// <summary>The first step of every grain command: its validator's refusal, or null when the command may go on.</summary>
public static class CommandCheck
{
    /// <summary>
    /// The validator's errors as an <see cref="ErrorKind.Invalid"/> refusal; a missing command is refused too
    /// (FluentValidation would throw on it), so a grain called directly never crashes on an empty request.
    /// </summary>
    public static DomainError? Refusal<T>(IValidator<T> validator, T command)
    {
        if (command is null) return new DomainError(ErrorKind.Invalid, "validation", "The request is empty.");
        var result = validator.Validate(command);
        return result.IsValid ? null : DomainError.Invalid(result);
    }
}

/// <summary>
/// One instance of a validator for the whole process. Building a FluentValidation validator compiles its rules
/// (expression trees), which profiling showed costing more than the vote it checks; a built one is thread-safe.
/// Every grain command checks with this one; hot paths (votes, scores, card moves) run it thousands of times a second.
/// </summary>
public static class Shared<TValidator> where TValidator : IValidator, new()
{
    public static readonly TValidator Validator = new();
}
