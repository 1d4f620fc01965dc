// The handler bundled with esbuild: only @sluice/core (and middy under it) ends up in the bundle.
import { lambda, SluiceError } from '@sluice/core'

type Greeting = { name?: string }

export const handler = lambda<Greeting>().handler(async (event, context) => {
  if (!event.name) throw new SluiceError('name is required', { code: 'NAME_REQUIRED', expose: true })
  return { greeting: `hello ${event.name}`, invocation: context.lifecycle.invocation }
})
