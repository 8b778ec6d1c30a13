import { Box, Center, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The centred column of the welcome and login screens. */
export function ScreenFrame({ subtitle, children }: { subtitle: string; children: ReactNode }) {
  return (
    <Center mih="100%" p="xl">
      <Box w="100%" maw={760}>
        <Stack gap={4} mb="xl" align="center">
          <Title order={1} fw={800} style={{ letterSpacing: '-0.02em' }}>
            Shotdesk
          </Title>
          <Text c="dimmed">{subtitle}</Text>
        </Stack>
        {children}
      </Box>
    </Center>
  );
}
