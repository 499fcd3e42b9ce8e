/** The signed-in citizen, as GET /api/v1/auth/me tells it. */
import { ref } from 'vue'
import { ApiError, get, getToken, request, setToken } from '../../api'

export interface Me {
  id: number
  email: string
  display_name: string
  email_verified: boolean
  home_commune: { code: string; name: string } | null
}

export const me = ref<Me | null>(null)

export async function loadMe(): Promise<Me | null> {
  if (!getToken()) return (me.value = null)
  try {
    me.value = (await get<{ data: Me }>('/auth/me')).body.data
  } catch (caught) {
    if (caught instanceof ApiError && caught.status === 401) setToken(null)
    me.value = null
  }
  return me.value
}

export async function logIn(email: string, password: string) {
  const { body } = await request('/auth/login', {
    method: 'POST',
    body: { email, password, device_name: 'Application web' },
    auth: false,
  })
  setToken(body.data.token.value)
  me.value = body.data.citizen
}

export async function logOut() {
  try {
    await request('/auth/logout', { method: 'POST' })
  } finally {
    setToken(null)
    me.value = null
  }
}
