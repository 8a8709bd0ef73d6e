package org.popcast.cli;

import org.popcast.models.balance.PopulationMethod;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Option;

/** {@code --method} of {@code balance forecast} and {@code balance backtest}: what forecasts the population. */
final class MethodOption {

    @Option(names = "--method", completionCandidates = Candidates.PopulationMethods.class, paramLabel = "METHOD", defaultValue = "combination", converter = Converter.class,
            description = {"Population forecast: balance, combination, persistence, drift or damped-trend (default ${DEFAULT-VALUE}:",
                    "inverse-MSE weights from the city's rolling-origin errors before the origin, calibrated band; docs/balance-model.md)."})
    PopulationMethod method;

    static final class Converter implements ITypeConverter<PopulationMethod> {
        @Override
        public PopulationMethod convert(String value) {
            try {
                return PopulationMethod.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
