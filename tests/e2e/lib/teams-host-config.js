// A Teams-like host config for the official adaptivecards renderer: Teams' type scale, spacing and colours in the
// light theme, as far as they can be read off Teams itself. On a phone (below 480 px) Teams stacks card buttons, so
// actions are vertical there; on a desktop they share one row. Segoe UI is not installed on Linux, so Liberation Sans
// (metrically Arial, close to Segoe UI's width) stands in.
export function teamsHostConfig(width) {
  const foreground = (normal, subtle) => ({ default: normal, subtle });
  const foregrounds = {
    default: foreground('#242424', '#616161'),
    dark: foreground('#000000', '#66000000'),
    light: foreground('#FFFFFF', '#33000000'),
    accent: foreground('#5B5FC7', '#884F52B2'),
    good: foreground('#237B4B', '#DD237B4B'),
    warning: foreground('#835C00', '#DD835C00'),
    attention: foreground('#C4314B', '#DDC4314B'),
  };
  const style = (backgroundColor) => ({ backgroundColor, foregroundColors: foregrounds });
  return {
    supportsInteractivity: true,
    fontTypes: {
      default: {
        fontFamily: "'Segoe UI', 'Liberation Sans', Arial, sans-serif",
        fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
        fontWeights: { lighter: 300, default: 400, bolder: 600 },
      },
      monospace: {
        fontFamily: "Consolas, 'Liberation Mono', monospace",
        fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
        fontWeights: { lighter: 300, default: 400, bolder: 600 },
      },
    },
    lineHeights: { small: 16, default: 20, medium: 22, large: 24, extraLarge: 32 },
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: '#E0E0E0' },
    imageSizes: { small: 32, medium: 52, large: 100 },
    containerStyles: {
      default: style('#FFFFFF'),
      emphasis: style('#F5F5F5'),
      accent: style('#E8EBFA'),
      good: style('#E7F2DA'),
      warning: style('#FBF6D9'),
      attention: style('#FCF0F2'),
    },
    actions: {
      maxActions: 6,
      spacing: 'default',
      buttonSpacing: 8,
      showCard: { actionMode: 'inline', inlineTopMargin: 16, style: 'emphasis' },
      actionsOrientation: width < 480 ? 'vertical' : 'horizontal',
      actionAlignment: 'stretch',
      iconPlacement: 'leftOfTitle',
      iconSize: 16,
    },
    adaptiveCard: { allowCustomStyle: true },
    factSet: {
      title: { size: 'default', weight: 'bolder', wrap: true, maxWidth: 150 },
      value: { size: 'default', weight: 'default', wrap: true },
      spacing: 8,
    },
    textBlock: { headingLevel: 2 },
    table: { cellSpacing: 8 },
  };
}
